import { spawn } from "node:child_process";
import { startEmbeddedDb, type EmbeddedDb } from "./db";

// `npm run dev`: the embedded database (unless MONGODB_URI is set), demo data, and the app
// with Vite at http://localhost:3000. Ctrl+C stops everything.

async function main() {
  let db: EmbeddedDb | undefined;
  let uri = process.env.MONGODB_URI;
  if (!uri) {
    db = await startEmbeddedDb(".data/ferretdb");
    uri = `${db.uri}samverka`;
    console.log(`[samverka] Inbyggd databas (${db.kind}) startad, data i .data/`);
  }
  const env: NodeJS.ProcessEnv = {
    // The demo's installation administrator (decision 031), unless others are named.
    INSTALLATION_ADMINS: "drift@samverka.example",
    ...process.env,
    MONGODB_URI: uri,
    NODE_ENV: "development",
  };

  const seed = spawn("npx", ["tsx", "scripts/seed.ts"], { stdio: "inherit", env });
  const seeded = await new Promise<number | null>((resolve) => seed.on("exit", resolve));
  if (seeded !== 0) console.error("[samverka] Demodata kunde inte läggas in (se ovan); startar ändå.");

  const app = spawn("npx", ["tsx", "server/index.ts"], { stdio: "inherit", env });
  const stop = async (code = 0) => {
    app.kill("SIGTERM");
    await new Promise((resolve) => (app.exitCode === null ? app.once("exit", resolve) : resolve(null)));
    await db?.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  app.on("exit", (code) => void stop(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
