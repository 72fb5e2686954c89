import { randomUUID } from "node:crypto";
import { ClaimModel } from "#models/claim";
import { clockNow } from "./clock";

/** The database refused an insert because the key exists: the race was lost, or it was done before. */
export const isDuplicateKey = (error: unknown) => (error as { code?: number } | null)?.code === 11000;

/** A claim held by one caller: the key, its owner's token, and its fence (when it was taken). */
export interface Lease {
  key: string;
  owner: string;
  /** Grows with every new holder of the key: a write checks it, so a holder past its lease cannot. */
  fence: number;
}

/**
 * Takes the claim `key` for one caller, however many race (the unique insert decides). An
 * expired claim (a worker that died mid-way, or one past its lease) may be taken over: only
 * that very claim (its owner) is removed, never one a third caller took a moment ago.
 */
export async function takeLease(key: string, ttlMs: number, now = clockNow()): Promise<Lease | null> {
  const owner = randomUUID();
  // The fence must grow past the claim taken over even if two instances' clocks differ a little.
  // It orders holders in real time (the system clock), not by the app's clock of business dates,
  // which a job or a test may set back or forth: a fence from a later date would block the next.
  const insert = async (fence: number) => {
    try {
      await ClaimModel.create({ _id: key, owner, fence, createdAt: now, expiresAt: new Date(now.getTime() + ttlMs) });
      return { key, owner, fence };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      return null;
    }
  };
  const first = await insert(Date.now());
  if (first) return first;
  const held = await ClaimModel.findById(key).lean();
  if (!held || held.expiresAt >= now) return null;
  const removed = await ClaimModel.deleteOne({ _id: key, owner: held.owner, expiresAt: held.expiresAt });
  if (removed.deletedCount === 0) return null;
  return insert(Math.max(Date.now(), (held.fence ?? held.createdAt.getTime()) + 1));
}

/**
 * Claims `key` once: true for exactly one caller, however many race. An expired claim may be
 * taken over (see `takeLease`).
 */
export async function claimOnce(key: string, ttlMs = 365 * 24 * 60 * 60 * 1000, now = clockNow()): Promise<boolean> {
  return Boolean(await takeLease(key, ttlMs, now));
}

/** Gives a lease back: only its holder's claim is removed (a holder past its lease removes nothing). */
export async function releaseLease(lease: Lease) {
  await ClaimModel.deleteOne({ _id: lease.key, owner: lease.owner });
}

/** Whether `key` is claimed now (an `_id` lookup). */
export async function isClaimed(key: string, now = clockNow()) {
  return Boolean(await ClaimModel.exists({ _id: key, expiresAt: { $gte: now } }));
}

/**
 * Runs `fn` while holding the claim `key`, so that read-check-write sequences on one record
 * (the last administrator of an organisation) never interleave, on FerretDB as on MongoDB.
 * Waits up to `waitMs` for the claim; a holder that died loses it after `ttlMs`. A write that
 * must not land after the lease has passed to someone else checks the lease (`fencedSet`).
 */
export async function withLock<T>(
  key: string,
  fn: (lease: Lease) => Promise<T>,
  { ttlMs = 30_000, waitMs = 5_000 } = {},
) {
  const deadline = Date.now() + waitMs;
  let lease = await takeLease(key, ttlMs);
  while (!lease) {
    if (Date.now() > deadline) throw new LockBusyError(key);
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 40));
    lease = await takeLease(key, ttlMs);
  }
  try {
    return await fn(lease);
  } finally {
    await releaseLease(lease);
  }
}

/** Someone else held the lock for too long: the caller answers "try again" (409). */
export class LockBusyError extends Error {}

/** The lease passed to a later holder before this write: nothing was written. */
export class LeaseLostError extends Error {}

/**
 * Sets fields of the document `_id` only while no later lease holder has written it (fencing):
 * the document carries the fence of its last writer, and an older fence matches nothing. Throws
 * LeaseLostError when a later holder wrote first.
 */
export async function fencedSet<T>(
  model: {
    updateOne: (filter: object, update: object) => PromiseLike<{ matchedCount: number }>;
    create: (doc: object) => PromiseLike<unknown>;
    exists: (filter: object) => PromiseLike<unknown>;
  },
  _id: T,
  lease: Lease,
  fields: Record<string, unknown>,
) {
  const update = { $set: { ...fields, fence: lease.fence } };
  const ours = { _id, $or: [{ fence: { $exists: false } }, { fence: { $lte: lease.fence } }] };
  if ((await model.updateOne(ours, update)).matchedCount === 1) return;
  if (await model.exists({ _id })) throw new LeaseLostError();
  try {
    await model.create({ _id, ...fields, fence: lease.fence });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    if ((await model.updateOne(ours, update)).matchedCount !== 1) throw new LeaseLostError();
  }
}

/**
 * Sets fields of the document with this `_id`, creating it if missing. Two first writers race
 * to insert it and one gets a duplicate key: the document exists then, so it sets again.
 */
export async function setById<T>(
  model: { updateOne: (filter: object, update: object, options?: object) => PromiseLike<unknown> },
  _id: T,
  fields: Record<string, unknown>,
) {
  try {
    await model.updateOne({ _id }, { $set: fields }, { upsert: true });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    await model.updateOne({ _id }, { $set: fields });
  }
}
