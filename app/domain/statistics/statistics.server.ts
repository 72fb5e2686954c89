import type { Types } from "mongoose";
import { ProposalModel } from "#models/proposal";
import { StatisticsModel } from "#models/statistics";
import { claimOnce, LockBusyError, setById, withLock } from "../kernel/claims.server";
import { logger } from "../kernel/logger.server";
import { contribution, difference, type Counters, type StatCase } from "./counters";

// The overview's counters, kept when writing (decision 014): each change of a case adds the
// difference between what the case counted for before and after it, once (a claim on the
// change). FerretDB 1.x does not make `$inc` atomic under concurrency, so the counters are read,
// added to and written under a lock per public body. Whatever goes wrong there (a crash, a lock
// held too long) loses only that difference: `rebuildStatistics` (npm run stats:rebuild)
// recomputes everything from the cases.

/** Adds a changed case's difference to its public body's counters, once per change. */
export async function applyStatistics(
  c: StatCase & { _id: Types.ObjectId; publicBodyId: Types.ObjectId },
  seq: number,
  // Stored in the event, an empty contribution (a draft's) comes back as nothing.
  before: Counters | undefined,
) {
  const delta = difference(before ?? {}, contribution(c));
  if (!Object.keys(delta).length) return;
  const id = String(c.publicBodyId);
  try {
    await withLock(
      `statistics-lock:${id}`,
      async () => {
        if (!(await claimOnce(`statistics:${String(c._id)}:${seq}`))) return;
        const counters = { ...(await StatisticsModel.findById(id).lean())?.counters };
        for (const [key, n] of Object.entries(delta)) counters[key] = (counters[key] ?? 0) + n;
        await setById(StatisticsModel, id, { counters });
      },
      { waitMs: 15_000 },
    );
  } catch (error) {
    // The change itself stands; only its count is late until the next rebuild.
    if (!(error instanceof LockBusyError)) throw error;
    logger.warn({ caseId: String(c._id), seq }, "statistics lock busy: difference not counted");
  }
}

/** Recomputes a public body's counters from every case (reads them all: a script, not a page). */
export async function rebuildStatistics(publicBodyId: Types.ObjectId, now = new Date()) {
  const cases = await ProposalModel.find({ publicBodyId })
    .select("status areas receivedAt lastActivityAt routing decision agreement")
    .lean<StatCase[]>();
  const counters: Counters = {};
  for (const c of cases) {
    for (const [key, n] of Object.entries(contribution(c))) counters[key] = (counters[key] ?? 0) + n;
  }
  const id = String(publicBodyId);
  await withLock(`statistics-lock:${id}`, () => setById(StatisticsModel, id, { counters, rebuiltAt: now }), {
    waitMs: 30_000,
  });
  return counters;
}

/** The counters (one `_id` lookup); a public body without any yet gets them rebuilt once. */
export async function statisticsOf(publicBodyId: Types.ObjectId) {
  const found = await StatisticsModel.findById(String(publicBodyId)).lean();
  return found?.rebuiltAt ? found.counters : rebuildStatistics(publicBodyId);
}
