// Builds our embedded FerretDB program (tools/ferretdb) into .tools/bin once per version.
// Runs on `npm install`; skipped with a message when Go is missing (then MONGODB_URI or
// mongodb-memory-server is used, see README).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const FERRETDB_VERSION = "1.24.2";
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const ferretdbBinary = join(root, ".tools", "bin", `ferretdb-${FERRETDB_VERSION}`);

export function hasGo() {
  return spawnSync("go", ["version"], { stdio: "ignore" }).status === 0;
}

export function buildFerretdb({ quiet = false } = {}) {
  if (existsSync(ferretdbBinary)) return ferretdbBinary;
  if (!hasGo()) {
    if (!quiet) {
      console.log(
        "[samverka] Go saknas: hoppar över bygget av den inbyggda databasen (FerretDB). " +
          "Sätt MONGODB_URI eller låt mongodb-memory-server användas (kräver internet).",
      );
    }
    return null;
  }
  mkdirSync(dirname(ferretdbBinary), { recursive: true });
  console.log(
    `[samverka] Bygger den inbyggda databasen FerretDB ${FERRETDB_VERSION} med Go ` +
      "(första gången tar det någon minut) …",
  );
  execFileSync("go", ["build", "-trimpath", "-o", ferretdbBinary, "."], {
    cwd: join(root, "tools", "ferretdb"),
    stdio: "inherit",
    env: { ...process.env, CGO_ENABLED: "0" },
  });
  console.log(`[samverka] Klart: ${ferretdbBinary}`);
  return ferretdbBinary;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // --strict (CI): a missing Go or a failed build is an error, not a note.
  const strict = process.argv.includes("--strict");
  if (process.env.SAMVERKA_SKIP_FERRETDB_BUILD && !strict) process.exit(0);
  try {
    const built = buildFerretdb();
    if (!built && strict) process.exit(1);
  } catch (error) {
    // A failed build must not break `npm install`; dev and test will say what is missing.
    console.error("[samverka] Bygget av FerretDB misslyckades:", error.message);
    if (strict) process.exit(1);
  }
}
