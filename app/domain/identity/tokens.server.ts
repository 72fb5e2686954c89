import type { Types } from "mongoose";
import { TokenModel, type TokenKind } from "#models/token";
import { claimOnce } from "../kernel/claims.server";
import { randomToken, sha256 } from "../kernel/crypto.server";
import { clockNow } from "../kernel/clock";

const HOUR = 60 * 60 * 1000;
export const TOKEN_TTL: Record<TokenKind, number> = {
  verify_email: 48 * HOUR,
  reset_password: 1 * HOUR,
  org_invitation: 7 * 24 * HOUR,
  staff_invitation: 7 * 24 * HOUR,
};

export interface TokenInput {
  kind: TokenKind;
  email: string;
  userId?: Types.ObjectId;
  publicBodyId?: Types.ObjectId;
  organisationId?: Types.ObjectId;
  role?: string;
  departmentIds?: Types.ObjectId[];
  invitedBy?: Types.ObjectId;
}

/** Creates a single-use token and returns the raw value for the email link. */
export async function issueToken(input: TokenInput, now = clockNow()) {
  const raw = randomToken();
  await TokenModel.create({
    ...input,
    tokenHash: sha256(raw),
    expiresAt: new Date(now.getTime() + TOKEN_TTL[input.kind]),
  });
  return raw;
}

const validFilter = (raw: string, kind: TokenKind, now: Date) => ({
  tokenHash: sha256(raw),
  kind,
  usedAt: { $exists: false },
  expiresAt: { $gt: now },
});

/** Looks a token up without using it (to show an invitation before it is accepted). */
export function findValidToken(raw: string, kind: TokenKind, now = clockNow()) {
  if (!raw || raw.length > 200) return Promise.resolve(null);
  return TokenModel.findOne(validFilter(raw, kind, now)).lean();
}

/** Uses the token once: of any number of concurrent uses exactly one gets it, the rest null. */
export async function consumeToken(raw: string, kind: TokenKind, now = clockNow()) {
  const token = await findValidToken(raw, kind, now);
  if (!token || !(await claimOnce(`token:${token.tokenHash}`))) return null;
  await TokenModel.updateOne({ _id: token._id }, { $set: { usedAt: now } });
  return { ...token, usedAt: now };
}
