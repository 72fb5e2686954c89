// Builds our embedded FerretDB program (tools/ferretdb) into .tools/bin once per version and
// patch level. Runs on `npm install`; skipped with a message when Go is missing (then
// MONGODB_URI or mongodb-memory-server is used, see README).
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const FERRETDB_VERSION = "1.24.2";
const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Our changes to FerretDB's source before it is built (each replaces every occurrence of `from`).
 * 1. Its SQLite backend looks documents up by `_id` with an expression that differs in spelling
 *    from the one its own `_id` index is built on, so SQLite never uses the index: every lookup,
 *    update and delete by `_id` read and parsed the whole table. Spelled like the index, it is a
 *    search (docs/decisions/020-ferretdb-id-index.md).
 * 2. It pushed an `_id` equality down only when `_id` was the filter's one key, so a lookup that
 *    also names the body (`{ _id, publicBodyId }`, which a sharded MongoDB needs) read the whole
 *    table. The handler filters every document it gets with the whole filter again, so pushing
 *    the `_id` alone down is exact (docs/decisions/037-reads-that-name-the-body.md).
 * Raise PATCH_LEVEL when the list changes, so that every checkout builds the program again.
 */
const PATCH_LEVEL = 2;
const PATCHES = [
  {
    file: "internal/backends/sqlite/metadata/metadata.go",
    from: `IDColumn = DefaultColumn + "->'$._id'"`,
    to: `IDColumn = DefaultColumn + \`->"_id"\``,
  },
  {
    file: "internal/backends/sqlite/collection.go",
    from: "if params.Filter.Len() == 1 {",
    to: "if params.Filter.Len() >= 1 {",
  },
];
export const ferretdbBinary = join(root, ".tools", "bin", `ferretdb-${FERRETDB_VERSION}-p${PATCH_LEVEL}`);

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
  const work = join(root, ".tools", "ferretdb-build");
  const source = patchedSource(work);
  // The program's module, built against the patched copy instead of the downloaded one.
  const program = join(root, "tools", "ferretdb");
  cpSync(join(program, "main.go"), join(work, "main.go"));
  cpSync(join(program, "go.sum"), join(work, "go.sum"));
  writeFileSync(
    join(work, "go.mod"),
    `${readFileSync(join(program, "go.mod"), "utf8")}\nreplace github.com/FerretDB/FerretDB => ${source}\n`,
  );
  execFileSync("go", ["build", "-trimpath", "-o", ferretdbBinary, "."], {
    cwd: work,
    stdio: "inherit",
    env: { ...process.env, CGO_ENABLED: "0" },
  });
  rmSync(work, { recursive: true, force: true });
  console.log(`[samverka] Klart: ${ferretdbBinary}`);
  return ferretdbBinary;
}

/** A writable copy of FerretDB's source at our version, with PATCHES applied. */
function patchedSource(work) {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const module = `github.com/FerretDB/FerretDB@v${FERRETDB_VERSION}`;
  const downloaded = JSON.parse(
    execFileSync("go", ["mod", "download", "-json", module], {
      cwd: join(root, "tools", "ferretdb"),
      encoding: "utf8",
    }),
  );
  const source = join(work, "FerretDB");
  cpSync(downloaded.Dir, source, { recursive: true });
  // The module cache is read-only; the copy must not be.
  execFileSync("chmod", ["-R", "u+w", source]);
  for (const patch of PATCHES) {
    const file = join(source, patch.file);
    const text = readFileSync(file, "utf8");
    if (!text.includes(patch.from)) throw new Error(`FerretDB patch no longer applies: ${patch.file}`);
    writeFileSync(file, text.replaceAll(patch.from, patch.to));
  }
  return source;
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
