import type { Types } from "mongoose";
import { linkIdentity, matchSignIn, userWithIdentity } from "../domain/identity/linked-identities.server";
import {
  completeFlow,
  findProvider,
  OidcError,
  recordTest,
  startFlow,
  type FlowPurpose,
  type OidcFailure,
} from "../domain/identity/oidc.server";
import { saveStepUp } from "../domain/identity/step-up.server";
import { addressOf } from "../domain/public-body/public-body.server";
import { clearFlow, readFlow, saveFlow, savePending } from "./oidc-cookies.server";
import { createUserSession, safeRedirect, sessionToken, type SessionUser } from "./session.server";
import { afterSignIn } from "./handover.server";

// The two halves of a sign-in through OpenID Connect as the routes use them: where to send the
// browser, and what the provider's answer means for this person (decision 016).

export type OidcStart = { url: string; setCookie: string };

/** Starts a flow; `link`, `stepup` need a signed-in user and `test` an administrator (the route checks). */
export async function beginOidc(
  publicBodyId: Types.ObjectId,
  providerId: string,
  purpose: FlowPurpose,
  returnTo: string,
  signing?: string,
): Promise<OidcStart | null> {
  const provider = await findProvider(publicBodyId, providerId);
  if (!provider) return null;
  const { url, flow } = await startFlow(provider, purpose, safeRedirect(returnTo, "/mina-sidor"), signing);
  return { url, setCookie: await saveFlow(flow) };
}

export type OidcFinish =
  | { ok: true; redirectTo: string; cookies: string[]; toast?: string }
  | { ok: false; reason: OidcFailure; purpose: FlowPurpose | null; cookies: string[] };

/** The provider sent the browser back: check everything, then sign in, link, step up or test. */
export async function finishOidc(
  request: Request,
  publicBodyId: Types.ObjectId,
  user: SessionUser | null,
): Promise<OidcFinish> {
  const flow = await readFlow(request);
  // The flow is used once, whatever happens next.
  const cookies = [await clearFlow()];
  const provider = flow ? await findProvider(publicBodyId, flow.providerId) : null;
  if (!flow || !provider) return { ok: false, reason: "expired", purpose: flow?.purpose ?? null, cookies };
  try {
    // The provider's answer is read against the body's own address, not the request's Host.
    const back = new URL(`/logga-in/retur${new URL(request.url).search}`, await addressOf(publicBodyId));
    const identity = await completeFlow(provider, flow, back);
    switch (flow.purpose) {
      case "test":
        await recordTest(provider._id, true);
        return { ok: true, redirectTo: "/admin#inloggning", cookies, toast: "oidc.admin.testOk" };
      case "link": {
        if (!user) return { ok: false, reason: "expired", purpose: flow.purpose, cookies };
        // Signed in already (with a password or another e-ID): that proves the account.
        await linkIdentity(user._id, identity);
        return { ok: true, redirectTo: "/konto#inloggningar", cookies, toast: "oidc.linked" };
      }
      case "stepup": {
        if (!user || !flow.signing) return { ok: false, reason: "expired", purpose: flow.purpose, cookies };
        // Only the signer's own e-ID proves who signs: one already linked to this account.
        // Nothing is linked here (an e-ID is linked from /konto, with re-authentication).
        const holder = await userWithIdentity(identity.issuer, identity.subject);
        if (!holder?._id.equals(user._id)) return { ok: false, reason: "notYourEid", purpose: flow.purpose, cookies };
        await saveStepUp(await sessionToken(request), identity, flow.signing);
        return { ok: true, redirectTo: flow.returnTo, cookies, toast: "oidc.steppedUp" };
      }
      case "signin": {
        const match = await matchSignIn(provider, identity);
        if (match.kind === "unknown") {
          cookies.push(await savePending(identity));
          return { ok: true, redirectTo: "/logga-in/koppla", cookies };
        }
        cookies.push(await createUserSession(request, match.userId, provider._id));
        return { ok: true, redirectTo: await afterSignIn(flow.returnTo), cookies };
      }
    }
  } catch (error) {
    if (!(error instanceof OidcError)) throw error;
    if (flow.purpose === "test") await recordTest(provider._id, false);
    return { ok: false, reason: error.reason, purpose: flow.purpose, cookies };
  }
}
