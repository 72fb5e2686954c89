import type { ServerBuild } from "@remix-run/node";
import { createApp, type Lifecycle } from "./app";
import { logger } from "../app/domain/kernel/logger.server";

// Production and development entry: `npm start` / `npm run dev` (through scripts/dev.ts).
const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);
// Development answers only this machine unless HOST says otherwise; production listens where
// the platform routes traffic (all interfaces unless HOST is set).
const host = process.env.HOST ?? (production ? undefined : "127.0.0.1");
// In development, links in emails lead to the port this server really listens on.
if (!production) process.env.APP_URL ??= `http://localhost:${port}`;

async function main() {
  let build: ServerBuild | (() => Promise<ServerBuild>);
  let before;
  let lifecycle: Lifecycle;
  if (production) {
    // @ts-expect-error the build exists only after `npm run build`
    const built = (await import("../build/server/index.js")) as ServerBuild;
    build = built;
    lifecycle = built.entry.module as unknown as Lifecycle;
  } else {
    const vite = await import("vite");
    // Hot reload on a port derived from ours, so a second dev server (another PORT) starts too.
    const devServer = await vite.createServer({
      server: { middlewareMode: true, host: host ?? "127.0.0.1", hmr: { port: port + 20_000 } },
    });
    before = devServer.middlewares;
    build = () => devServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
    lifecycle = (await build()).entry.module as unknown as Lifecycle;
  }
  await lifecycle.startApp();

  const app = createApp({
    build,
    before,
    logger,
    production,
    databaseUp: lifecycle.databaseUp,
    hosts: lifecycle,
    appUrl: process.env.APP_URL ?? `http://localhost:${port}`,
  });
  const server = app.listen(port, host ?? "::", () =>
    logger.info(`Samverka lyssnar på http://${host ?? "localhost"}:${port}`),
  );

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, "stänger ner");
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    server.close(() => {
      void lifecycle.stopApp().finally(() => {
        clearTimeout(force);
        process.exit(0);
      });
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "kunde inte starta");
  process.exit(1);
});
