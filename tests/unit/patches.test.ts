import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// Each patch in patches/ is in the file the server really loads (Node's `require` from the app,
// the CommonJS builds; decisions 019 and 022). What each patch does is tested beside it:
// route-matching.test.ts and document-bytes.test.ts (react-dom's, which reads the file itself); the lazy hydration data by the bench and
// the pages without scripts.

const require = createRequire(import.meta.url);
const loaded = (id: string) => readFileSync(require.resolve(id), "utf8");

describe("the patched dependencies", () => {
  it("are the builds the server loads", () => {
    expect(loaded("@remix-run/router")).toContain("Patched (Samverka");
    expect(loaded("@remix-run/server-runtime/dist/server.js")).toContain("Samverka patch");
    expect(loaded("@remix-run/react/dist/server.js")).toMatch(/Samverka/);
    expect(loaded("react-router-dom/server.js")).toMatch(/Samverka/);
  });
});
