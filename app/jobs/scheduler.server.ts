import { cleanupRateLimits } from "~/domain/identity/rate-limit.server";
import { logger } from "~/domain/kernel/logger.server";
import { processOutbox } from "~/domain/notifications/outbox.server";
import { getEnv } from "~/domain/kernel/env.server";
import { cleanupExpired } from "~/domain/runtime/cleanup.server";
import { runReminders } from "~/domain/cases/reminders.server";
import { endDueAgreements } from "~/domain/agreements/agreements.server";
import { runAgreementReminders } from "~/domain/agreements/reminders.server";
import { countParkedStatistics } from "~/domain/statistics/statistics.server";

// Background work of every app instance. Each job claims its rows atomically in the
// database, so running several instances side by side is safe.
interface Loop {
  name: string;
  every: number;
  run: () => Promise<unknown>;
}

const timers = new Set<NodeJS.Timeout>();
const running = new Set<Promise<unknown>>();
let stopped = true;

function schedule(loop: Loop) {
  const tick = async () => {
    if (stopped) return;
    const p = loop.run().catch((error: unknown) => logger.warn({ err: error, job: loop.name }, "job failed"));
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
