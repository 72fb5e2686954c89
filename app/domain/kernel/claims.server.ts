import { ClaimModel } from "#models/claim";
import { clockNow } from "./clock";

/** The database refused an insert because the key exists: the race was lost, or it was done before. */
export const isDuplicateKey = (error: unknown) => (error as { code?: number } | null)?.code === 11000;

/**
 * Claims `key` once: true for exactly one caller, however many race. An expired claim (a
 * worker that died mid-way) may be taken over; the insert still decides who wins.
 */
export async function claimOnce(key: string, ttlMs = 365 * 24 * 60 * 60 * 1000, now = clockNow()): Promise<boolean> {
  const claim = { _id: key, createdAt: now, expiresAt: new Date(now.getTime() + ttlMs) };
  try {
    await ClaimModel.create(claim);
    return true;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  const removed = await ClaimModel.deleteOne({ _id: key, expiresAt: { $lt: now } });
  if (removed.deletedCount === 0) return false;
  try {
    await ClaimModel.create(claim);
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

export async function releaseClaim(key: string) {
  await ClaimModel.deleteOne({ _id: key });
}

/** Whether `key` is claimed now (an `_id` lookup). */
export async function isClaimed(key: string, now = clockNow()) {
  return Boolean(await ClaimModel.exists({ _id: key, expiresAt: { $gte: now } }));
}

/**
 * Runs `fn` while holding the claim `key`, so that read-check-write sequences on one record
 * (the last administrator of an organisation) never interleave, on FerretDB as on MongoDB.
 * Waits up to `waitMs` for the claim; a holder that died loses it after `ttlMs`.
 */
export async function withLock<T>(key: string, fn: () => Promise<T>, { ttlMs = 30_000, waitMs = 5_000 } = {}) {
  const deadline = Date.now() + waitMs;
  while (!(await claimOnce(key, ttlMs))) {
    if (Date.now() > deadline) throw new LockBusyError(key);
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 40));
  }
  try {
    return await fn();
  } finally {
    await releaseClaim(key);
  }
}

/** Someone else held the lock for too long: the caller answers "try again" (409). */
export class LockBusyError extends Error {}

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
