import type { Types } from "mongoose";
import { UserModel } from "#models/user";
import { clockNow } from "../kernel/clock";
import { verifyPassword } from "../kernel/crypto.server";
import { beginLoginAttempt } from "./rate-limit.server";
import { sessionStart } from "./sessions.server";

// Re-authentication (ASVS 3.7.1): a session alone never signs an agreement nor changes how one
// signs in. The password again, under the same throttle as signing in, so a taken-over session
// cannot guess it here; an account without a password shows a fresh e-ID sign-in instead.

export type PasswordCheck = "ok" | "password" | { throttledMinutes: number };

/** The account's password, given again. */
export async function confirmPassword(
  user: { _id: Types.ObjectId; email: string },
  password: string,
  ip: string,
): Promise<PasswordCheck> {
  const attempt = await beginLoginAttempt(user.email, ip);
  if (!attempt.allowed) return { throttledMinutes: attempt.minutes };
  const account = await UserModel.findById(user._id).select("+passwordHash").lean();
  if (!account?.passwordHash || !(await verifyPassword(account.passwordHash, password))) return "password";
  await attempt.succeeded();
  return "ok";
}

/** How recent an e-ID sign-in must be to stand in for the password of an account without one. */
export const FRESH_SIGN_IN_MS = 10 * 60 * 1000;

export type LinkCheck = "ok" | "password" | "throttled" | "signInAgain";

/**
 * Before another way to sign in is added to the account: its password, or, for an account
 * that has none, a sign-in through an e-ID (already linked) within the last ten minutes.
 */
export async function reauthenticateForLink(
  token: string | null,
  user: { _id: Types.ObjectId; email: string },
  password: string,
  ip: string,
): Promise<LinkCheck> {
  const account = await UserModel.findById(user._id).select("+passwordHash").lean();
  if (account?.passwordHash) {
    const checked = await confirmPassword(user, password, ip);
    return checked === "ok" || checked === "password" ? checked : "throttled";
  }
  const session = await sessionStart(token);
  const fresh = session?.providerId && clockNow().getTime() - session.createdAt.getTime() <= FRESH_SIGN_IN_MS;
  return fresh ? "ok" : "signInAgain";
}
