import type { Server } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import mongoose from "mongoose";
import type { Logger } from "pino";
import { inject } from "vitest";
import { createApp, type Lifecycle } from "../../server/app";
import { freePort } from "../../scripts/db";
import { logger } from "../../app/domain/kernel/logger.server";
import { startSmtp, type TestSmtp } from "./smtp";

export interface TestApp {
  url: string;
  smtp: TestSmtp;
  dbUri: string;
  stop: () => Promise<void>;
}

/**
 * The production build served in this process, on its own database and SMTP server, so a
 * test file sees the real app: headers, CSRF check, sessions, outbox worker and all.
 */
export async function startTestApp(
  name: string,
  options: { mongoBaseUri?: string; logger?: Logger; port?: number } = {},
): Promise<TestApp> {
  const smtp = await startSmtp();
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const dbUri = `${options.mongoBaseUri ?? inject("mongoBaseUri")}${name.replace(/\W/g, "_")}_${Date.now().toString(36)}`;
  Object.assign(process.env, {
    MONGODB_URI: dbUri,
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    APP_URL: url,
    SESSION_SECRET: "test-secret-that-is-long-enough",
    OUTBOX_POLL_MS: "100",
    OUTBOX_BACKOFF_MS: "200",
    PUBLIC_BODY_SLUG: "exempelkommun",
  });
  // @ts-expect-error the build exists after `npm run build` (npm test runs it first)
  const build = (await import("../../build/server/index.js")) as ServerBuild;
  const lifecycle = build.entry.module as unknown as Lifecycle;
  await lifecycle.startApp();
  const { seedDemo } = await import("../../app/domain/demo/seed.server");
  await seedDemo();
  const app = createApp({
    build,
    logger: options.logger ?? logger,
    production: true,
    appUrl: url,
    databaseUp: lifecycle.databaseUp,
    hosts: lifecycle,
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(port, "127.0.0.1", () => resolve(s));
  });
  return {
    url,
    smtp,
    dbUri,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await mongoose.connection.db?.dropDatabase().catch(() => undefined);
      await lifecycle.stopApp();
      await smtp.stop();
    },
  };
}
