import { randomUUID } from "node:crypto";
import { createCookie } from "@remix-run/node";
import type { Types } from "mongoose";
import { SessionModel, type StepUp } from "#models/session";
import { claimOnce, isClaimed } from "../kernel/claims.server";
import { clockNow } from "../kernel/clock";
import { sha256 } from "../kernel/crypto.server";
import { getEnv } from "../kernel/env.server";
import { FLOW_TTL_MS, type Flow, type VerifiedIdentity } from "./oidc.server";
import { sessionToken } from "./session.server";

// What a sign-in through OpenID Connect keeps in the browser between its steps, in signed
// cookies that live ten minutes: the flow (state, nonce, PKCE verifier) until the provider
// returns, and an identity nobody has yet until the person decides what to do with it.
// Neither holds a personal identity number (only its keyed hash).

const cookieOf = (name: string) =>
  createCookie(name, {
    httpOnly: true,
    sameSite: "lax",
    secure: getEnv().NODE_ENV !== "development",
    path: "/",
    maxAge: FLOW_TTL_MS / 1000,
    secrets: getEnv().SESSION_SECRETS,
  });

let flowCookie: ReturnType<typeof createCookie> | undefined;
let pendingCookie: ReturnType<typeof createCookie> | undefined;
const flows = () => (flowCookie ??= cookieOf("__oidc_flow"));
const pendings = () => (pendingCookie ??= cookieOf("__oidc_pending"));

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;

export const saveFlow = (flow: Flow) => flows().serialize(flow);
export const clearFlow = () => flows().serialize("", { maxAge: 0 });

export async function readFlow(request: Request): Promise<Flow | null> {
  const value: unknown = await flows().parse(request.headers.get("Cookie"));
  return isRecord(value) && typeof value.state === "string" && typeof value.providerId === "string"
    ? (value as unknown as Flow)
    : null;
}

export type PendingIdentity = VerifiedIdentity & { at: number };

export const savePending = (identity: VerifiedIdentity) =>
  pendings().serialize({ ...identity, at: clockNow().getTime() } satisfies PendingIdentity);
export const clearPending = () => pendings().serialize("", { maxAge: 0 });

export async function readPending(request: Request): Promise<VerifiedIdentity | null> {
  const value: unknown = await pendings().parse(request.headers.get("Cookie"));
  if (!isRecord(value) || typeof value.subject !== "string" || typeof value.at !== "number") return null;
  if (clockNow().getTime() - value.at > FLOW_TTL_MS) return null;
  const { at: _at, ...identity } = value as unknown as PendingIdentity;
  return { ...identity, authTime: new Date(identity.authTime) };
}

/**
 * Keeps a fresh e-ID authentication on the session, for the one signature it was made for:
 * `signing` names the case and the version ("caseId:number") the signer was looking at.
 */
export async function saveStepUp(request: Request, identity: VerifiedIdentity, signing: string) {
  const token = await sessionToken(request);
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
  await SessionModel.updateOne({ _id: sha256(token) }, { $set: { stepUp } });
}

/** How long after the e-ID authentication the signature may follow. */
export const STEP_UP_VALID_MS = 5 * 60 * 1000;

/** The session's fresh step-up for this signing ("caseId:number"), if there is one (not used up). */
export async function currentStepUp(request: Request, signing: string): Promise<StepUp | null> {
  const stepUp = await freshStepUp(request, signing);
  return stepUp && !(await isClaimed(stepUpKey(stepUp))) ? stepUp : null;
}

async function freshStepUp(request: Request, signing: string) {
  const token = await sessionToken(request);
  if (!token) return null;
  const session = await SessionModel.findById(sha256(token)).select("stepUp").lean();
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
export async function takeStepUp(request: Request, signing: string): Promise<StepUp | "used" | null> {
  const stepUp = await freshStepUp(request, signing);
  if (!stepUp) return null;
  // The step-up stays in the session, used up by its claim (which outlives its five minutes): a
  // twin that reads the session after this request must still learn "used", not "none".
  return (await claimOnce(stepUpKey(stepUp), STEP_UP_VALID_MS * 2)) ? stepUp : "used";
}
