import type { Types } from "mongoose";
import { OrganisationModel } from "#models/organisation";
import { PublicBodyModel } from "#models/public-body";
import { UserModel } from "#models/user";
import { burnPasswordCheck, hashPassword, verifyPassword } from "../kernel/crypto.server";
import { enqueueEmail } from "../notifications/outbox.server";
import { addressOf, currentAddress, mailSender } from "../public-body/public-body.server";
import { beginLoginAttempt } from "./rate-limit.server";
import { consumeToken, findValidToken, issueToken } from "./tokens.server";
import { clockNow } from "../kernel/clock";
import { claimOnce } from "../kernel/claims.server";
import { touch } from "../kernel/read-markers.server";

type Locale = "sv" | "en";

/** A link with a token, at the address of the body the request is for (or `publicBodyId`'s). */
export const link = async (path: string, token: string, publicBodyId?: Types.ObjectId) =>
  `${publicBodyId ? await addressOf(publicBodyId) : await currentAddress()}${path}?${new URLSearchParams({ token })}`;

export async function sendVerificationEmail(
  user: { _id: Types.ObjectId; email: string; name: string },
  locale: Locale,
) {
  const token = await issueToken({ kind: "verify_email", email: user.email, userId: user._id });
  await enqueueEmail(`verify:${token.slice(0, 16)}`, user.email, {
    template: "verify",
    locale,
    name: user.name,
    url: await link("/verifiera-epost", token),
    sender: await mailSender(),
  });
}

/**
 * A new verification link for someone who is not signed in ("did not get the email"): sent only
 * to an unverified account, at most once in ten minutes, and answered the same either way.
 */
export async function resendVerification(email: string, locale: Locale) {
  const user = await UserModel.findOne({ email }).select("email name emailVerifiedAt").lean();
  if (!user || user.emailVerifiedAt) return;
  if (!(await claimOnce(`verify-resend:${String(user._id)}`, 10 * 60 * 1000))) return;
  await sendVerificationEmail(user, locale);
}

/**
 * Creates an account, or (when the email is taken) tells the owner by email. Both paths
 * answer the same, so the form does not reveal who has an account.
 */
export async function registerAccount(input: { name: string; email: string; password: string }, locale: Locale) {
  const existing = await UserModel.findOne({ email: input.email }).lean();
  // Hash either way, so the answer takes as long for a taken address as for a new one.
  const passwordHash = await hashPassword(input.password);
  if (existing) {
    await enqueueEmail(`already:${String(existing._id)}:${Date.now()}`, existing.email, {
      template: "already",
      locale,
      name: existing.name,
      url: `${await currentAddress()}/logga-in`,
      sender: await mailSender(),
    });
    return null;
  }
  const user = await UserModel.create({
    name: input.name,
    email: input.email,
    passwordHash,
    locale,
  });
  await sendVerificationEmail(user, locale);
  return user;
}

export async function verifyEmail(token: string) {
  const used = await consumeToken(token, "verify_email");
  if (!used?.userId) return null;
  await UserModel.updateOne(
    { _id: used.userId, emailVerifiedAt: { $exists: false } },
    { $set: { emailVerifiedAt: clockNow() } },
  );
  return used.userId;
}

export type LoginResult =
  | { ok: true; userId: Types.ObjectId }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "blocked"; minutes: number };

export async function login(email: string, password: string, ip: string): Promise<LoginResult> {
  const attempt = await beginLoginAttempt(email, ip);
  if (!attempt.allowed) return { ok: false, reason: "blocked", minutes: attempt.minutes };
  const user = await UserModel.findOne({ email }).select("+passwordHash").lean();
  const ok = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
  if (!user || !ok) return { ok: false, reason: "invalid" };
  await attempt.succeeded();
  return { ok: true, userId: user._id };
}

export async function requestPasswordReset(email: string, locale: Locale) {
  const user = await UserModel.findOne({ email }).lean();
  if (!user) return; // Same answer either way.
  const token = await issueToken({ kind: "reset_password", email, userId: user._id });
  await enqueueEmail(`reset:${token.slice(0, 16)}`, email, {
    template: "reset",
    locale,
    name: user.name,
    url: await link("/aterstall-losenord", token),
    sender: await mailSender(),
  });
}

export async function setPassword(userId: Types.ObjectId, password: string, extra: Record<string, unknown> = {}) {
  const before = await UserModel.findById(userId).select("passwordChangedAt staffMemberships").lean();
  await UserModel.updateOne(
    { _id: userId },
    { $set: { passwordHash: await hashPassword(password), passwordChangedAt: clockNow(), ...extra } },
  );
  // Staff who set their first password are active now (the administrator's staff list).
  if (before?.staffMemberships.length && !before.passwordChangedAt) await touch("directory");
}

/** Uses a reset token; the link also proves the email address. */
export async function resetPassword(token: string, password: string) {
  const used = await consumeToken(token, "reset_password");
  if (!used?.userId) return null;
  await setPassword(used.userId, password, { emailVerifiedAt: clockNow() });
  return used.userId;
}

export async function changePassword(userId: Types.ObjectId, current: string, next: string) {
  const user = await UserModel.findById(userId).select("+passwordHash").lean();
  if (!user || !(await verifyPassword(user.passwordHash, current))) return false;
  await setPassword(userId, next);
  return true;
}

/** Emails follow the language the person chose. */
export async function setLocale(userId: Types.ObjectId, locale: Locale) {
  await UserModel.updateOne({ _id: userId }, { $set: { locale } });
}

/** Names of the organisations and public bodies a person belongs to (for the account page). */
export async function membershipNames(user: {
  orgMemberships: { organisationId: Types.ObjectId }[];
  staffMemberships: { publicBodyId: Types.ObjectId }[];
}) {
  // A person has a few memberships: each read by `_id` (FerretDB's index, decision 020).
  const [orgs, bodies] = await Promise.all([
    Promise.all(user.orgMemberships.map((m) => OrganisationModel.findById(m.organisationId).select("name").lean())),
    Promise.all(user.staffMemberships.map((m) => PublicBodyModel.findById(m.publicBodyId).select("name").lean())),
  ]);
  return { orgs: orgs.flatMap((o) => (o ? [o] : [])), bodies: bodies.flatMap((b) => (b ? [b] : [])) };
}

/** Whether a verification link is still good, without using it (the page asks to confirm). */
export async function isVerificationLinkValid(token: string) {
  return token.length > 0 && token.length <= 200 && Boolean(await findValidToken(token, "verify_email"));
}
