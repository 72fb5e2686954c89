import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AgnosticRouteObject } from "@remix-run/router";
import { describe, expect, it } from "vitest";

// The build the server really loads: Node's `require` picks the router's CommonJS file, the one
// patches/ changes (an `import` here would get the untouched ES module build the browser uses).
const { matchRoutes } = createRequire(import.meta.url)("@remix-run/router") as typeof import("@remix-run/router");

// The server's route matching keeps its answers (patches/, docs/decisions/019-route-matching-kept.md).
// These tests hold it to giving every caller the same answer as before, in a copy of its own.

const routes: AgnosticRouteObject[] = [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      {
        id: "shell",
        children: [
          { id: "inbox", path: "handlaggning", children: [{ id: "inbox-index", index: true }] },
          { id: "staff-case", path: "handlaggning/arenden/:caseId" },
          { id: "agreement", path: "handlaggning/arenden/:caseId/avtal" },
        ],
      },
      { id: "register-entry", path: "register/:id" },
      { id: "files", path: "filer/*" },
    ],
  },
];

const ids = (path: string) => matchRoutes(routes, path)?.map((m) => m.route.id) ?? null;

describe("route matching on the server", () => {
  it("is the patched version the server loads (the install applied patches/)", () => {
    const file = createRequire(import.meta.url).resolve("@remix-run/router");
    expect(file).toMatch(/router\.cjs\.js$/);
    expect(readFileSync(file, "utf8")).toContain("Patched (Samverka");
    // The app's server build requires the same file (it is not bundled into build/server).
    expect(readFileSync("build/server/index.js", "utf8")).not.toContain("function matchRoutes(");
  });

  it("finds the right routes and parameters for each address, asked once or many times", () => {
    for (let round = 0; round < 3; round++) {
      expect(ids("/")).toEqual(["root", "home"]);
      expect(ids("/handlaggning")).toEqual(["root", "shell", "inbox", "inbox-index"]);
      expect(ids("/handlaggning/arenden/abc/avtal")).toEqual(["root", "shell", "agreement"]);
      expect(ids("/finns-inte")).toBeNull();
      const [, , c] = matchRoutes(routes, "/handlaggning/arenden/a%C3%A5b") ?? [];
      expect(c?.params).toEqual({ caseId: "aåb" });
      expect(matchRoutes(routes, "/filer/a/b.pdf")?.at(-1)?.params["*"]).toBe("a/b.pdf");
    }
  });

  it("gives each caller its own copy, so one caller's change is never another's answer", () => {
    const first = matchRoutes(routes, "/register/r-1")!;
    (first[1]!.params as Record<string, string>).id = "changed";
    first.pop();
    const second = matchRoutes(routes, "/register/r-1")!;
    expect(second.map((m) => m.route.id)).toEqual(["root", "register-entry"]);
    expect(second[1]!.params).toEqual({ id: "r-1" });
  });

  it("stays right past the number of addresses it keeps", () => {
    for (let i = 0; i < 2500; i++) expect(matchRoutes(routes, `/register/${i}`)?.[1]?.params.id).toBe(String(i));
    expect(ids("/handlaggning/arenden/x")).toEqual(["root", "shell", "staff-case"]);
  });
});

describe("the route tree a page render matches against", () => {
  it("is made once per build (the install applied patches/ to Remix's server component)", () => {
    const file = createRequire(import.meta.url).resolve("@remix-run/react/dist/server.js");
    expect(readFileSync(file, "utf8")).toContain("keptServerRoutes");
  });

  it("keeps one set of data routes per tree, with each request's own matches and parameters", async () => {
    // The module the server loads through Remix (CommonJS), not the one this test runner would pick.
    const { createStaticHandler, createStaticRouter } = createRequire(
      createRequire(import.meta.url).resolve("@remix-run/react/dist/server.js"),
    )("react-router-dom/server") as typeof import("react-router-dom/server");
    const tree = [{ id: "root", path: "/", children: [{ id: "entry", path: "register/:id" }] }];
    const handler = createStaticHandler(tree);
    const first = await handler.query(new Request("http://samverka.test/register/r-1"));
    const second = await handler.query(new Request("http://samverka.test/register/r-2"));
    if (first instanceof Response || second instanceof Response) throw new Error("no route context");
    const one = createStaticRouter(tree, first);
    const two = createStaticRouter(tree, second);
    expect(two.routes).toBe(one.routes);
    expect(one.state.matches.map((m) => m.params.id)).toEqual(["r-1", "r-1"]);
    expect(two.state.matches.map((m) => m.params.id)).toEqual(["r-2", "r-2"]);
    expect(two.state.matches[1]?.route).toBe(one.routes[0]?.children?.[0]);
  });
});
