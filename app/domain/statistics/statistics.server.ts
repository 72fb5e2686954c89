import type { Types } from "mongoose";
import { ProposalModel } from "#models/proposal";
import { StatisticsModel } from "#models/statistics";
import { claimOnce } from "../kernel/claims.server";
import { contribution, difference, type Counters, type StatCase } from "./counters";

// The overview's counters, kept when writing (decision 014): each change of a case adds the
// difference between what the case counted for before and after it, once (a claim on the
// change), with one `$inc`. A crash between the claim and the `$inc` loses that difference:
// `rebuildStatistics` (npm run stats:rebuild) recomputes everything from the cases.

/** Adds a changed case's difference to its public body's counters, once per change. */
export async function applyStatistics(
  c: StatCase & { _id: Types.ObjectId; publicBodyId: Types.ObjectId },
  seq: number,
  before: Counters,
) {
  const delta = difference(before, contribution(c));
  if (!Object.keys(delta).length) return;
  if (!(await claimOnce(`statistics:${String(c._id)}:${seq}`))) return;
  const inc = Object.fromEntries(Object.entries(delta).map(([key, n]) => [`counters.${key}`, n]));
  await StatisticsModel.updateOne({ _id: String(c.publicBodyId) }, { $inc: inc }, { upsert: true });
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
  await StatisticsModel.updateOne(
    { _id: String(publicBodyId) },
    { $set: { counters, rebuiltAt: now } },
    { upsert: true },
  );
  return counters;
}

/** The counters (one `_id` lookup); a public body without any yet gets them rebuilt once. */
export async function statisticsOf(publicBodyId: Types.ObjectId) {
  const found = await StatisticsModel.findById(String(publicBodyId)).lean();
  return found?.rebuiltAt ? found.counters : rebuildStatistics(publicBodyId);
}
