import { cleanupRateLimits } from "~/domain/identity/rate-limit.server";
import { logger } from "~/domain/kernel/logger.server";
import { processOutbox } from "~/domain/notifications/outbox.server";
import { getEnv } from "~/domain/kernel/env.server";
import { cleanupExpired } from "~/domain/runtime/cleanup.server";
import { runReminders } from "~/domain/cases/reminders.server";
import { endDueAgreements } from "~/domain/agreements/agreements.server";
import { runAgreementReminders } from "~/domain/agreements/reminders.server";
import { countParkedStatistics } from "~/domain/statistics/statistics.server";
import { setById } from "~/domain/kernel/claims.server";
import { JobRunModel } from "#models/job-run";

// Background work of every app instance. Each job claims its rows atomically in the
// database, so running several instances side by side is safe.
interface Loop {
  name: string;
  every: number;
  run: () => Promise<unknown>;
}

const timers = new Set<NodeJS.Timeout>();
const noted = new Map<string, { at: number; ok: boolean }>();

/**
 * When each job last ran, for the installation administrator's health view (decision 031): at
 * most once a minute per job and instance, and at once when a job's outcome changes.
 */
async function noteJobRun(name: string, ok: boolean) {
  const last = noted.get(name);
  if (last && last.ok === ok && Date.now() - last.at < 60_000) return;
  noted.set(name, { at: Date.now(), ok });
  await setById(JobRunModel, name, { lastRunAt: new Date(), ok }).catch(() => undefined);
}
const running = new Set<Promise<unknown>>();
let stopped = true;

function schedule(loop: Loop) {
  const tick = async () => {
    if (stopped) return;
    const p = loop.run().then(
      () => noteJobRun(loop.name, true),
      (error: unknown) => {
        logger.warn({ err: error, job: loop.name }, "job failed");
        return noteJobRun(loop.name, false);
      },
    );
    running.add(p);
    await p;
    running.delete(p);
    if (!stopped) timers.add(setTimeout(() => void tick(), loop.every));
  };
  timers.add(setTimeout(() => void tick(), 0));
}

export function startJobs() {
  if (!stopped) return;
  stopped = false;
  schedule({ name: "outbox", every: getEnv().OUTBOX_POLL_MS, run: () => processOutbox() });
  schedule({
    name: "reminders",
    every: getEnv().REMINDER_INTERVAL_MS,
    run: () => Promise.all([runReminders(), runAgreementReminders()]),
  });
  // Agreements whose end date has passed end (once, whichever instance runs first).
  schedule({ name: "agreement-end", every: getEnv().REMINDER_INTERVAL_MS, run: () => endDueAgreements() });
  // Statistics differences parked while the counters were busy are counted.
  schedule({ name: "statistics", every: getEnv().REMINDER_INTERVAL_MS, run: () => countParkedStatistics() });
  schedule({ name: "cleanup", every: 10 * 60 * 1000, run: () => Promise.all([cleanupExpired(), cleanupRateLimits()]) });
}

export async function stopJobs() {
  stopped = true;
  for (const t of timers) clearTimeout(t);
  timers.clear();
  await Promise.allSettled([...running]);
}
