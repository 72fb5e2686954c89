import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", "node_modules/", ".tools/", ".data/", ".cache/", "coverage/"] },
  js.configs.recommended,
  { files: ["**/*.{js,mjs}"], languageOptions: { globals: globals.node } },
  { files: ["**/*.cjs"], languageOptions: { sourceType: "commonjs", globals: globals.node } },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    settings: { react: { version: "18" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.strict.rules,
      "react/prop-types": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-control-regex": "off",
    },
  },
  {
    // Routes stay thin: they ask the domain, never a model (docs/architecture.md). Shared
    // value lists in models/constants are plain data and allowed.
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(#models/(?!constants$)|.*/models/(?!constants$))",
              message: "Routes call the domain (app/domain), not models.",
            },
          ],
        },
      ],
    },
  },
  {
    // A date is a Swedish calendar date (app/domain/kernel/days.ts): cutting an ISO string gives
    // the UTC date, a day early between midnight and 01:00 or 02:00 in Sweden.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/domain/kernel/days.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.property.name=/^(slice|substring|substr)$/][callee.object.callee.property.name='toISOString']",
          message: "Use dayOf (a stored calendar date) or swedishToday (an instant) from ~/domain/kernel/days.",
        },
      ],
    },
  },
  {
    // The domain answers in its own terms (errors, values), never with HTTP: the web adapter
    // (app/http: requests, cookies, responses) turns them into responses.
    files: ["app/domain/**/*.ts"],
    ignores: ["app/domain/kernel/days.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^@remix-run/", message: "The domain does not use Remix: see app/http." }] },
      ],
      "no-restricted-syntax": [
        "error",
        {
          selector: "NewExpression[callee.name='Response']",
          message: "The domain throws its own errors; app/http turns them into responses.",
        },
        {
          selector:
            "CallExpression[callee.property.name=/^(slice|substring|substr)$/][callee.object.callee.property.name='toISOString']",
          message: "Use dayOf (a stored calendar date) or swedishToday (an instant) from ~/domain/kernel/days.",
        },
      ],
    },
  },
);
