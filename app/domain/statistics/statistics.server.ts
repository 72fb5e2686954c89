import type { Types } from "mongoose";
import { ProposalModel } from "#models/proposal";
import { StatisticsModel, StatisticsPendingModel } from "#models/statistics";
import { fencedSet, isDuplicateKey, LeaseLostError, LockBusyError, withLock } from "../kernel/claims.server";
import { logger } from "../kernel/logger.server";
import { contribution, difference, type Counters, type StatCase } from "./counters";

// The overview's counters, kept when writing (decision 014): each change of a case adds the
// difference between what the case counted for before and after it, once. FerretDB 1.x does
// not make `$inc` atomic under concurrency, so the counters are read, added to and written
// under a lease per public body, and the write is fenced: a holder past its lease writes
// nothing once the next holder has written. Which changes are counted is written in the same
// document as the counters (the latest APPLIED_MAX), so a write that fails counts nothing and
// a retry counts it once. A difference that cannot be counted now (the lease busy) is parked
// and counted by the next count of the same body. `rebuildStatistics` (npm run stats:rebuild)
// recomputes everything from the cases.

/** Changes remembered as counted: far more than can be pending at once. */
const APPLIED_MAX = 5_000;
let waitMs = 15_000;

/** How long a count waits for the counters' lease before parking its difference (tests shorten it). */
export const setStatisticsWait = (ms: number) => {
  waitMs = ms;
};

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
  const change = `${String(c._id)}:${seq}`;
  if (await countChanges(id, [{ change, delta }])) return;
  // The change itself stands; its difference is parked for the next count (idempotent by id).
  logger.warn({ caseId: String(c._id), seq }, "statistics busy: difference parked");
  await StatisticsPendingModel.create({ _id: change, publicBodyId: id, delta }).catch((error: unknown) => {
    if (!isDuplicateKey(error)) throw error;
  });
}

/**
 * Adds differences (and any parked ones of the body) to the counters under the body's lease,
 * each change once. False when the lease stayed busy.
 */
async function countChanges(id: string, changes: { change: string; delta: Counters }[]) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await withLock(
        `statistics-lock:${id}`,
        async (lease) => {
          // Parked differences are few (normally none): the small collection is read whole.
          const parked = await StatisticsPendingModel.find({ publicBodyId: id }).lean();
          const all = [...changes, ...parked.map((p) => ({ change: p._id, delta: p.delta }))];
          const found = await StatisticsModel.findById(id).lean();
          const applied = [...(found?.applied ?? [])];
          const counters = { ...found?.counters };
          for (const { change, delta } of all) {
            if (applied.includes(change)) continue;
            for (const [key, n] of Object.entries(delta)) counters[key] = (counters[key] ?? 0) + n;
            applied.push(change);
          }
          await fencedSet(StatisticsModel, id, lease, { counters, applied: applied.slice(-APPLIED_MAX) });
          // Counted (the list says so): a stop before this removal counts nothing twice.
          if (parked.length) await StatisticsPendingModel.deleteMany({ _id: { $in: parked.map((p) => p._id) } });
        },
        { waitMs },
      );
      return true;
    } catch (error) {
      // Past its lease: the next holder wrote first. Read again and add to what it wrote.
      if (error instanceof LeaseLostError) continue;
      if (error instanceof LockBusyError) return false;
      throw error;
    }
  }
  return false;
}

/** Counts the parked differences of every public body that has any (a background job). */
export async function countParkedStatistics() {
  const parked = await StatisticsPendingModel.find().select("publicBodyId").lean();
  for (const id of new Set(parked.map((p) => p.publicBodyId))) await countChanges(id, []);
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
  // Every change counted so far is in the rebuilt counters: none is counted again.
  await withLock(
    `statistics-lock:${id}`,
    (lease) => fencedSet(StatisticsModel, id, lease, { counters, rebuiltAt: now }),
    {
      waitMs: 30_000,
    },
  );
  return counters;
}

/** The counters (one `_id` lookup); a public body without any yet gets them rebuilt once. */
export async function statisticsOf(publicBodyId: Types.ObjectId) {
  const found = await StatisticsModel.findById(String(publicBodyId)).lean();
  return found?.rebuiltAt ? found.counters : rebuildStatistics(publicBodyId);
}
