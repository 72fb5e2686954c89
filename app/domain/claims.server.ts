import { ClaimModel } from "#models/claim";

const isDuplicateKey = (error: unknown) => (error as { code?: number } | null)?.code === 11000;

/**
 * Claims `key` once: true for exactly one caller, however many race. An expired claim (a
 * worker that died mid-way) may be taken over; the insert still decides who wins.
 */
export async function claimOnce(key: string, ttlMs = 365 * 24 * 60 * 60 * 1000, now = new Date()): Promise<boolean> {
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
export async function isClaimed(key: string, now = new Date()) {
  return Boolean(await ClaimModel.exists({ _id: key, expiresAt: { $gte: now } }));
}
