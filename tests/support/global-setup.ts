import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startFerretdb, type EmbeddedDb } from "../../scripts/db";

declare module "vitest" {
  export interface ProvidedContext {
    mongoBaseUri: string;
  }
}

// One database server per test run (each test file uses its own database in it).
let db: EmbeddedDb | undefined;
let dir: string | undefined;

export async function setup(project: TestProject) {
  if (process.env.MONGODB_URI) {
    const url = new URL(process.env.MONGODB_URI);
    url.pathname = "/";
    project.provide("mongoBaseUri", url.toString());
    return;
  }
  dir = mkdtempSync(join(tmpdir(), "samverka-test-db-"));
  db = await startFerretdb(dir);
  project.provide("mongoBaseUri", db.uri);
}

export async function teardown() {
  await db?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}
