import mongoose from "mongoose";
import { RateLimiterMongo, RateLimiterRes } from "rate-limiter-flexible";

// Login throttling shared by all app instances (stored in the database). FerretDB has no
// TTL index, so index creation is off and the cleanup job deletes expired rows.
const WINDOW_S = 15 * 60;
export const LOGIN_LIMITS = { perAccount: 5, perIp: 30 };
const TABLE = "ratelimits";

let limiters: { account: RateLimiterMongo; ip: RateLimiterMongo } | undefined;
function get() {
  limiters ??= {
    account: new RateLimiterMongo({
      storeClient: mongoose.connection,
      tableName: TABLE,
      keyPrefix: "login-account",
      points: LOGIN_LIMITS.perAccount,
      duration: WINDOW_S,
      disableIndexesCreation: true,
    }),
    ip: new RateLimiterMongo({
      storeClient: mongoose.connection,
      tableName: TABLE,
      keyPrefix: "login-ip",
      points: LOGIN_LIMITS.perIp,
      duration: WINDOW_S,
      disableIndexesCreation: true,
    }),
  };
  return limiters;
}

/** Minutes to wait when the account or the address has too many failed logins, else 0. */
export async function loginBlockedMinutes(email: string, ip: string): Promise<number> {
  const { account, ip: byIp } = get();
  const [a, b] = await Promise.all([account.get(email), byIp.get(ip)]);
  const blocked = [
    a && a.consumedPoints >= LOGIN_LIMITS.perAccount ? a.msBeforeNext : 0,
    b && b.consumedPoints >= LOGIN_LIMITS.perIp ? b.msBeforeNext : 0,
  ];
  const ms = Math.max(...blocked);
  return ms > 0 ? Math.max(1, Math.ceil(ms / 60000)) : 0;
}

export async function recordFailedLogin(email: string, ip: string) {
  const { account, ip: byIp } = get();
  await Promise.all([account.penalty(email, 1), byIp.penalty(ip, 1)]).catch((error: unknown) => {
    if (!(error instanceof RateLimiterRes)) throw error;
  });
}

export async function clearFailedLogins(email: string) {
  await get().account.delete(email);
}

export async function cleanupRateLimits() {
  await mongoose.connection.collection(TABLE).deleteMany({ expire: { $lt: new Date() } });
}
