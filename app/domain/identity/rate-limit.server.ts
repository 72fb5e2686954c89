import { AttemptSlotModel } from "#models/attempt-slot";
import { isDuplicateKey } from "../kernel/claims.server";
import { clockNow } from "../kernel/clock";

// Sign-in throttling shared by all app instances (decision 003): a sliding window. A key has as
// many numbered slots as its limit; an attempt takes a free slot for 15 minutes by inserting it
// under a unique `_id`, or takes over one whose 15 minutes have passed (removing exactly that
// one). So no 15 minutes anywhere hold more attempts than the limit (a fixed window allowed twice
// the limit across its boundary), under parallel guesses on FerretDB (whose counters are not
// atomic) and on MongoDB alike. The password is checked only after a slot was taken.
const WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_LIMITS = { account: 5, ip: 30 };
type Scope = keyof typeof LOGIN_LIMITS;

/** Takes a free or expired slot of `key`; otherwise when the first of them frees up. */
async function takeSlot(scope: Scope, key: string, now: number): Promise<{ id: string } | { freeAt: number }> {
  const held = new Map(
    (await AttemptSlotModel.find({ scope, key }).select("expiresAt").lean()).map((s) => [s._id, s.expiresAt]),
  );
  for (let slot = 1; slot <= LOGIN_LIMITS[scope]; slot++) {
    const id = `${scope}:${key}:${slot}`;
    const until = held.get(id);
    if (until && until.getTime() > now) continue;
    // An expired slot: only that very slot is removed, never one another request took a moment ago.
    if (until && (await AttemptSlotModel.deleteOne({ _id: id, expiresAt: until })).deletedCount === 0) continue;
    try {
      await AttemptSlotModel.create({ _id: id, scope, key, expiresAt: new Date(now + WINDOW_MS) });
      return { id };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  const times = [...held.values()].map((d) => d.getTime()).filter((t) => t > now);
  return { freeAt: times.length ? Math.min(...times) : now + WINDOW_MS };
}

export type LoginAttempt = { allowed: true; succeeded: () => Promise<void> } | { allowed: false; minutes: number };

/**
 * Asks to check one password for `email` from `ip`. When allowed, call `succeeded()` after a
 * right password: the account's failures are forgotten and the address's slot given back, so
 * many colleagues behind one address are not blocked by their own successful sign-ins.
 */
export async function beginLoginAttempt(email: string, ip: string, now = Date.now()): Promise<LoginAttempt> {
  const account = await takeSlot("account", email, now);
  const address = "id" in account ? await takeSlot("ip", ip, now) : null;
  if (!("id" in account) || !address || !("id" in address)) {
    const refused = "id" in account ? address : account;
    const freeAt = refused && "freeAt" in refused ? refused.freeAt : now + WINDOW_MS;
    return { allowed: false, minutes: Math.max(1, Math.ceil((freeAt - now) / 60000)) };
  }
  return {
    allowed: true,
    succeeded: async () => {
      await AttemptSlotModel.deleteMany({ scope: "account", key: email });
      await AttemptSlotModel.deleteOne({ _id: address.id });
    },
  };
}

export async function cleanupRateLimits(now = clockNow()) {
  await AttemptSlotModel.deleteMany({ expiresAt: { $lt: now } });
}
