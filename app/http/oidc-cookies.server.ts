import { createCookie } from "@remix-run/node";
import { clockNow } from "../domain/kernel/clock";
import { getEnv } from "../domain/kernel/env.server";
import { FLOW_TTL_MS, type Flow, type VerifiedIdentity } from "../domain/identity/oidc.server";

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
