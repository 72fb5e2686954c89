import type { Types } from "mongoose";
import { TokenModel, type TokenKind } from "#models/token";
import { randomToken, sha256 } from "./crypto.server";

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
export async function issueToken(input: TokenInput, now = new Date()) {
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
export function findValidToken(raw: string, kind: TokenKind, now = new Date()) {
  if (!raw || raw.length > 200) return Promise.resolve(null);
  return TokenModel.findOne(validFilter(raw, kind, now)).lean();
}

/** Marks the token used in one atomic update: a second use (or a race) gets null. */
export function consumeToken(raw: string, kind: TokenKind, now = new Date()) {
  if (!raw || raw.length > 200) return Promise.resolve(null);
  return TokenModel.findOneAndUpdate(validFilter(raw, kind, now), { $set: { usedAt: now } }, { returnDocument: "after" }).lean();
}
