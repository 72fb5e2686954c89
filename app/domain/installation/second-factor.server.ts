import type { Types } from "mongoose";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { SessionModel, type Session } from "#models/session";
import { UserModel, type User } from "#models/user";
import { readById } from "../kernel/by-id.server";
import { claimOnce } from "../kernel/claims.server";
import { clockNow } from "../kernel/clock";
import { seal, unseal } from "../kernel/crypto.server";
import { sessionId } from "../identity/sessions.server";
import { beginLoginAttempt } from "../identity/rate-limit.server";

// The installation administrator's second factor (decision 035): after the password, a one-time
// code from an authenticator app (TOTP, RFC 6238: six digits, 30 seconds). The console can add
// and pause every public body, so a stolen password alone must not open it.

const PURPOSE = "installation-second-factor";
const PERIOD = 30;

const totp = (secret: string, label: string) =>
  new TOTP({
    issuer: "Samverka",
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secret),
  });

type Factors = Pick<User, "email" | "secondFactor" | "secondFactorPending"> & { _id: Types.ObjectId };
const factorsOf = (userId: Types.ObjectId) =>
  readById<Factors>(UserModel, userId, "email +secondFactor +secondFactorPending");

/**
 * What the verification page shows: a code to give, or (not enrolled yet) a new secret to add to
 * an authenticator app, as text and as a QR code. The secret waits, sealed, for its first code.
 */
export async function secondFactorPage(userId: Types.ObjectId) {
  const user = await factorsOf(userId);
  if (!user) return null;
  if (user.secondFactor) return { enrolled: true as const };
  let secret = user.secondFactorPending ? unseal(user.secondFactorPending, PURPOSE) : null;
  if (!secret) {
    secret = new Secret({ size: 20 }).base32;
    await UserModel.updateOne({ _id: userId }, { $set: { secondFactorPending: seal(secret, PURPOSE) } });
  }
  const uri = totp(secret, user.email).toString();
  const qr = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { enrolled: false as const, secret, qr };
}

export type SecondFactorResult = "ok" | "wrong" | "used" | { blocked: number };

/**
 * Checks a code (the one before and after now too, for a clock a little off) and marks the
 * session. A code is taken once: a later code's time step must be newer than the last one taken.
 * Five wrong codes in 15 minutes wait (the sign-in throttle).
 */
export async function giveSecondFactor(
  userId: Types.ObjectId,
  sessionToken: string,
  code: string,
  ip: string,
  now = clockNow(),
): Promise<SecondFactorResult> {
  const user = await factorsOf(userId);
  const sealed = user?.secondFactor?.sealed ?? user?.secondFactorPending;
  if (!user || !sealed) return "wrong";
  const attempt = await beginLoginAttempt(`second-factor:${user.email}`, ip, now.getTime());
  if (!attempt.allowed) return { blocked: attempt.minutes };
  const delta = totp(unseal(sealed, PURPOSE), user.email).validate({
    token: code,
    timestamp: now.getTime(),
    window: 1,
  });
  if (delta === null) return "wrong";
  const step = Math.floor(now.getTime() / 1000 / PERIOD) + delta;
  if (user.secondFactor) {
    // Only a step newer than the last one taken, and each step once however many try it at the
    // same moment (a unique claim decides, on FerretDB too): a code seen over a shoulder is spent.
    if (step <= user.secondFactor.lastStep) return "used";
    if (!(await claimOnce(`second-factor:${String(userId)}:${step}`, 10 * PERIOD * 1000, now))) return "used";
    await UserModel.updateOne({ _id: userId }, { $max: { "secondFactor.lastStep": step } });
  } else {
    await UserModel.updateOne(
      { _id: userId },
      { $set: { secondFactor: { sealed, enrolledAt: now, lastStep: step } }, $unset: { secondFactorPending: 1 } },
    );
  }
  await attempt.succeeded();
  await SessionModel.updateOne({ _id: sessionId(sessionToken) }, { $set: { secondFactorAt: now } });
  return "ok";
}

/** Whether this session's person has given their second factor in it. */
export async function hasSecondFactor(sessionToken: string | null) {
  const session = sessionToken ? await readById<Session>(SessionModel, sessionId(sessionToken)) : null;
  return Boolean(session?.secondFactorAt);
}
