import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ViteDevServer } from "vite";
import { createApp } from "../../server/app";
import { logger } from "../../app/domain/kernel/logger.server";

// `npm run dev` must serve the browser its modules and nothing else of the project: not the
// database files, not the server's source.

let vite: ViteDevServer;
let server: Server;
let base: string;
const secret = ".data/dev-guard-test/samverka.sqlite";

beforeAll(async () => {
  mkdirSync(".data/dev-guard-test", { recursive: true });
  writeFileSync(secret, "password hashes");
  const { createServer } = await import("vite");
  vite = await createServer({ server: { middlewareMode: true, hmr: false }, logLevel: "silent" });
  const app = createApp({
    build: () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>,
    before: vite.middlewares,
    logger,
    production: false,
    appUrl: "http://127.0.0.1",
  });
  server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await vite?.close();
  rmSync(".data/dev-guard-test", { recursive: true, force: true });
});

describe("the development server", () => {
  it("refuses the database, server code, server modules and raw source", async () => {
    for (const path of [
      `/${secret}`,
      `/@fs${process.cwd()}/${secret}`,
      "/server/app.ts",
      "/package.json",
      "/app/domain/db.server.ts",
      "/app/domain/db.server.ts?raw",
      "/app/domain/validation.ts?raw",
      "/scripts/seed.ts",
      "/.git/config",
    ]) {
      const res = await fetch(base + path);
      expect(`${path} ${res.status}`).toBe(`${path} 404`);
      expect(await res.text()).not.toContain("password hashes");
    }
  });

  it("still serves the client modules the browser needs", async () => {
    const res = await fetch(`${base}/app/root.tsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toContain("javascript");
  });
});
