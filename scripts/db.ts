import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { buildFerretdb, hasGo } from "./build-ferretdb.mjs";

// Starts the embedded database when MONGODB_URI is not set: FerretDB (our Go program, see
// docs/decisions/002), or mongodb-memory-server where Go is missing but the internet is not.

export interface EmbeddedDb {
  uri: string;
  stop: () => Promise<void>;
  kind: "ferretdb" | "mongodb-memory-server";
  /** The database's own process, where it has one here (FerretDB), for `npm run bench`. */
  pid?: number;
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.unref();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

/**
 * A free port below Linux's ephemeral range (32768+), so that no client socket or `listen(0)`
 * elsewhere can take it between our check and our use, nor while a server restarts on it.
 */
export async function freePort(min = 20000, max = 32000): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const port = min + Math.floor(Math.random() * (max - min));
    if (await isFree(port)) return port;
  }
  throw new Error("no free port");
}

export async function startFerretdb(dataDir: string, port?: number): Promise<EmbeddedDb> {
  const binary = buildFerretdb({ quiet: true });
  if (!binary) throw new Error("Go saknas");
  mkdirSync(dataDir, { recursive: true });
  const listenPort = port ?? (await freePort());
  const child: ChildProcess = spawn(binary, ["-listen", `127.0.0.1:${listenPort}`, "-data", dataDir], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  await new Promise<void>((resolve, reject) => {
    let log = "";
    const timer = setTimeout(() => reject(new Error(`FerretDB startade inte inom 30 s:\n${log}`)), 30_000);
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes("ferretdb listening on")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (c: Buffer) => (log += c.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`FerretDB avslutades (kod ${code}):\n${log}`));
    });
  });
  child.stdout?.removeAllListeners("data");
  child.stdout?.resume();
  child.stderr?.resume();
  return {
    kind: "ferretdb",
    uri: `mongodb://127.0.0.1:${listenPort}/`,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

async function startMemoryServer(dataDir: string): Promise<EmbeddedDb> {
  const moduleName = "mongodb-memory-server";
  // Optional dependency, installed by the developer when Go is missing.
  const { MongoMemoryServer } = (await import(moduleName)) as {
    MongoMemoryServer: { create: (o: unknown) => Promise<{ getUri: () => string; stop: () => Promise<boolean> }> };
  };
  mkdirSync(dataDir, { recursive: true });
  const server = await MongoMemoryServer.create({ instance: { dbPath: dataDir, storageEngine: "wiredTiger" } });
  return {
    kind: "mongodb-memory-server",
    uri: server.getUri(),
    stop: async () => {
      await server.stop();
    },
  };
}

export const NO_DATABASE_MESSAGE = `Samverka hittar ingen databas. Välj ett av tre sätt:
  1. Sätt MONGODB_URI till en MongoDB 7+ (till exempel mongodb://localhost:27017/samverka).
  2. Installera Go 1.24+ och kör npm install igen: då byggs den inbyggda databasen (FerretDB).
  3. Med internet: npm install --no-save mongodb-memory-server (laddar ner MongoDB).`;

export async function startEmbeddedDb(dataDir: string): Promise<EmbeddedDb> {
  if (hasGo()) return startFerretdb(dataDir);
  try {
    return await startMemoryServer(`${dataDir}-mongodb`);
  } catch {
    throw new Error(NO_DATABASE_MESSAGE);
  }
}
