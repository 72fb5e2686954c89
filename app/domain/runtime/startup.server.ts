import { startJobs, stopJobs } from "~/jobs/scheduler.server";
import { connectDb, disconnectDb } from "../kernel/db.server";
import { getEnv } from "../kernel/env.server";
import { logger } from "../kernel/logger.server";
import { refreshProviderOrigins } from "../identity/oidc.server";
import { backfillIdentityLinks } from "../identity/linked-identities.server";

let retry: NodeJS.Timeout | undefined;
let stopped = false;

/**
 * Connects to the database and starts the jobs. If the database is not there yet the app
 * still starts (answering 503) and keeps trying, so it recovers without a restart.
 */
export async function startApp() {
  const env = getEnv();
  stopped = false;
  const attempt = async () => {
    try {
      await connectDb(env.MONGODB_URI);
      await refreshProviderOrigins();
      await backfillIdentityLinks((holder, other, id) =>
        logger.warn({ holder, other, id }, "en identitet hör till två konton; den först kopplade behåller den"),
      );
      startJobs();
      logger.info("databasen är ansluten");
    } catch (error) {
      logger.warn({ err: error }, "databasen svarar inte, försöker igen om 2 s");
      if (!stopped) retry = setTimeout(() => void attempt(), 2000);
    }
  };
  await attempt();
}

export async function stopApp() {
  stopped = true;
  clearTimeout(retry);
  await stopJobs();
  await disconnectDb();
}
