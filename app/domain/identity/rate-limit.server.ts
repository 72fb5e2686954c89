import { AttemptSlotModel } from "#models/attempt-slot";
import { isDuplicateKey } from "../kernel/claims.server";
import { clockNow } from "../kernel/clock";

// Sign-in throttling shared by all app instances. Each attempt takes a numbered slot in a
// fixed 15-minute window by inserting it under a unique `_id`, so the limit holds under
// parallel guesses on FerretDB (whose counters are not atomic) and on MongoDB alike. The
// password is checked only after a slot was taken.
const WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_LIMITS = { account: 5, ip: 30 };
type Scope = keyof typeof LOGIN_LIMITS;

/** Takes the lowest free slot of `key` in the current window; null when all are taken. */
async function takeSlot(scope: Scope, key: string, now: number): Promise<string | null> {
  const window = Math.floor(now / WINDOW_MS);
  const taken = new Set((await AttemptSlotModel.find({ scope, key, window }).select("_id").lean()).map((s) => s._id));
  for (let slot = 1; slot <= LOGIN_LIMITS[scope]; slot++) {
    const id = `${scope}:${key}:${window}:${slot}`;
    if (taken.has(id)) continue;
    try {
      await AttemptSlotModel.create({ _id: id, scope, key, window, expiresAt: new Date((window + 1) * WINDOW_MS) });
      return id;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }
  return null;
}

export type LoginAttempt = { allowed: true; succeeded: () => Promise<void> } | { allowed: false; minutes: number };

/**
 * Asks to check one password for `email` from `ip`. When allowed, call `succeeded()` after a
 * right password: the account's failures are forgotten and the address's slot given back, so
 * many colleagues behind one address are not blocked by their own successful sign-ins.
 */
export async function beginLoginAttempt(email: string, ip: string, now = Date.now()): Promise<LoginAttempt> {
  const account = await takeSlot("account", email, now);
  const address = account ? await takeSlot("ip", ip, now) : null;
  if (!account || !address) {
    const end = (Math.floor(now / WINDOW_MS) + 1) * WINDOW_MS;
    return { allowed: false, minutes: Math.max(1, Math.ceil((end - now) / 60000)) };
  }
  return {
    allowed: true,
    succeeded: async () => {
      await AttemptSlotModel.deleteMany({ scope: "account", key: email });
      await AttemptSlotModel.deleteOne({ _id: address });
    },
  };
}

export async function cleanupRateLimits(now = clockNow()) {
  await AttemptSlotModel.deleteMany({ expiresAt: { $lt: now } });
}
