// A fresh e-ID authentication kept on the session for the one signature it was made for
// (decision 016): `signing` names the case and the version ("caseId:number") the signer saw.
import { randomUUID } from "node:crypto";
import type { Types } from "mongoose";
import { SessionModel, type StepUp } from "#models/session";
import { claimOnce, isClaimed } from "../kernel/claims.server";
import { clockNow } from "../kernel/clock";
import type { VerifiedIdentity } from "./oidc.server";
import { sessionId } from "./sessions.server";

/** Keeps the step-up on the session with this token (none: nothing to keep it on). */
export async function saveStepUp(token: string | null, identity: VerifiedIdentity, signing: string) {
  if (!token) return;
  const stepUp: StepUp = {
    id: randomUUID(),
    signing,
    providerId: identity.providerId as unknown as Types.ObjectId,
    label: identity.label,
    authTime: identity.authTime,
    ...(identity.acr ? { acr: identity.acr } : {}),
    ...(identity.personalNumberHash ? { personalNumberHash: identity.personalNumberHash } : {}),
  };
  await SessionModel.updateOne({ _id: sessionId(token) }, { $set: { stepUp } });
}

/** How long after the e-ID authentication the signature may follow. */
export const STEP_UP_VALID_MS = 5 * 60 * 1000;

/** The session's fresh step-up for this signing ("caseId:number"), if there is one (not used up). */
export async function currentStepUp(token: string | null, signing: string): Promise<StepUp | null> {
  const stepUp = await freshStepUp(token, signing);
  return stepUp && !(await isClaimed(stepUpKey(stepUp))) ? stepUp : null;
}

async function freshStepUp(token: string | null, signing: string) {
  if (!token) return null;
  const session = await SessionModel.findById(sessionId(token)).select("stepUp").lean();
  const stepUp = session?.stepUp;
  if (!stepUp?.id || stepUp.signing !== signing) return null;
  return clockNow().getTime() - new Date(stepUp.authTime).getTime() > STEP_UP_VALID_MS ? null : stepUp;
}

const stepUpKey = (s: StepUp) => `step-up:${s.id ?? ""}`;

/**
 * Uses the session's step-up for this signing up, once: of two requests at once (a double
 * click, a replayed form) exactly one gets it, by the claim's unique insert; the other learns
 * that it was "used" (and waits for its twin's signature). One authentication, one signature.
 */
export async function takeStepUp(token: string | null, signing: string): Promise<StepUp | "used" | null> {
  const stepUp = await freshStepUp(token, signing);
  if (!stepUp) return null;
  // The step-up stays in the session, used up by its claim (which outlives its five minutes): a
  // twin that reads the session after this request must still learn "used", not "none".
  return (await claimOnce(stepUpKey(stepUp), STEP_UP_VALID_MS * 2)) ? stepUp : "used";
}
