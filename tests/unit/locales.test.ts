import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { getI18n } from "~/i18n";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

// Every literal key the code translates, including validation messages ("errors.x|n") and
// toast keys passed to redirectWithToast.
const keys = new Set<string>();
for (const file of files("app")) {
  const text = readFileSync(file, "utf8");
  for (const m of text.matchAll(/\bt\(\s*"([a-zA-Z][\w.]*)"/g)) keys.add(m[1] ?? "");
  for (const m of text.matchAll(
    /"((?:errors|cases|dialogue|assessment|org|auth|account|inbox|invitation|admin)\.[\w.]+)(?:\|\d+)?"/g,
  )) {
    keys.add(m[1] ?? "");
  }
}

describe("locale files", () => {
  it("have every key the code uses, in Swedish and English", () => {
    expect(keys.size).toBeGreaterThan(100);
    for (const lang of ["sv", "en"] as const) {
      const i18n = getI18n(lang);
      const exists = (k: string) => i18n.exists(k, { lng: lang, fallbackLng: false });
      // A plural key exists as its forms (`_one`, `_other`).
      const missing = [...keys].filter((k) => !exists(k) && !exists(`${k}_other`));
      expect(missing, lang).toEqual([]);
    }
  });
});

describe("the translation function components get", () => {
  it("answers a plain key from what it kept, and keys with options as i18next does, per language", () => {
    for (const [lang, title, count] of [
      ["sv", "Att fördela", "Visa alla 12 som väntar på fördelning, äldst först"],
      ["en", "To assign", "Show all 12 waiting to be assigned, oldest first"],
    ] as const) {
      const t = getI18n(lang).getFixedT(null, "translation");
      expect(t("inbox.unrouted")).toBe(title);
      expect(t("inbox.unrouted")).toBe(title);
      expect(t("inbox.allUnrouted", { count: 12 })).toBe(count);
      expect(t("inbox.allUnrouted", { count: 3 })).toBe(count.replace("12", "3"));
    }
  });
});
