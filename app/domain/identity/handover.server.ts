import type { Types } from "mongoose";
import { HandoverModel } from "#models/handover";
import { claimOnce } from "../kernel/claims.server";
import { clockNow } from "../kernel/clock";
import { randomToken, sha256 } from "../kernel/crypto.server";

// Signing in once for every host of the installation where one cookie cannot reach (decision
// 033): a body's own host elsewhere, and *.localhost in development. The host without a session
// (the receiver) keeps a random state in a cookie of its own and asks a host with one (the
// giver); the giver answers with a one-time token for that receiver and that state, which the
// receiver takes for a session of its own.

/** How long a handed-over token may take to arrive: a redirect, not a person, carries it. */
const LIFETIME_MS = 60_000;

export async function giveHandover(
  input: { userId: Types.ObjectId; family: string; providerId?: Types.ObjectId; receiver: string; state: string },
  now = clockNow(),
) {
  const token = randomToken();
  await HandoverModel.create({
    _id: sha256(token),
    userId: input.userId,
    family: input.family,
    ...(input.providerId ? { providerId: input.providerId } : {}),
    receiver: input.receiver,
    stateHash: sha256(input.state),
    expiresAt: new Date(now.getTime() + LIFETIME_MS),
  });
  return token;
}

/**
 * Who the token signs in here, once: taken whatever the outcome, so a token is never tried
 * twice. Null when it is unknown, used, expired, meant for another host, or arrives in another
 * browser than the one that asked (its state differs: a link planted by someone else).
 */
export async function takeHandover(token: string, receiver: string, state: string, now = clockNow()) {
  const id = sha256(token);
  // Once, however many take it at the same moment: a unique insert decides, on FerretDB too.
  if (!(await claimOnce(`handover:${id}`, 2 * LIFETIME_MS, now))) return null;
  const handover = await HandoverModel.findOneAndDelete({ _id: id }).lean();
  if (!handover) return null;
  if (handover.receiver !== receiver || handover.stateHash !== sha256(state) || handover.expiresAt <= now) return null;
  return { userId: handover.userId, family: handover.family, providerId: handover.providerId };
}
