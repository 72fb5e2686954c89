import { CaseChangeModel } from "#models/case-change";
import { ClaimModel } from "#models/claim";
import { HandoverModel } from "#models/handover";
import { SessionModel } from "#models/session";
import { TokenModel } from "#models/token";
import { clockNow } from "../kernel/clock";

/** Deletes expired sessions, tokens and sign-in hand-overs (FerretDB has no TTL indexes to do it). */
export async function cleanupExpired(now = clockNow()) {
  await SessionModel.deleteMany({ $or: [{ absoluteExpiresAt: { $lt: now } }, { idleExpiresAt: { $lt: now } }] });
  // Used or expired tokens are kept a day so that "already used" can be told apart.
  await ClaimModel.deleteMany({ expiresAt: { $lt: now } });
  await HandoverModel.deleteMany({ expiresAt: { $lt: now } });
  await TokenModel.deleteMany({ expiresAt: { $lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } });
  // The case change log serves instances catching up; one asleep longer reads the list whole.
  await CaseChangeModel.deleteMany({ at: { $lt: new Date(Date.now() - 24 * 60 * 60 * 1000) } });
}
