import { createCookie, redirect } from "@remix-run/node";
import { getEnv } from "../domain/kernel/env.server";
import { randomToken } from "../domain/kernel/crypto.server";
import {
  addressOfHostKey,
  currentHostKey,
  FRONT_DOOR_KEY,
  needsHandover,
} from "../domain/public-body/public-body.server";
import { giveHandover, takeHandover } from "../domain/identity/handover.server";
import { sessionToHandOn } from "../domain/identity/sessions.server";
import { createUserSession, getUser, safeRedirect, sessionToken } from "./session.server";

// The web side of a sign-in hand-over between the installation's hosts (decision 033): the
// receiver's state cookie and the three steps' redirects. Every address comes from the
// configuration (a host key names a configured host), never from the request.

const BASE = "/logga-in/overlamning";

interface Pending {
  state: string;
  /** Where to go once signed in: a path here, or at `back`'s host. */
  redirectTo: string;
  back?: string;
}

let stateCookie: ReturnType<typeof createCookie> | undefined;
const cookie = () =>
  (stateCookie ??= createCookie("__handover", {
    httpOnly: true,
    sameSite: "lax",
    secure: getEnv().NODE_ENV !== "development",
    path: BASE,
    maxAge: 300,
    secrets: getEnv().SESSION_SECRETS,
  }));

const isKey = (v: unknown): v is string => typeof v === "string" && /^[a-z0-9-]{1,63}$/.test(v);

/** Where a hand-over ends: a path here, or that path at another configured host. */
async function destination(pending: Pick<Pending, "redirectTo" | "back">) {
  const path = safeRedirect(pending.redirectTo, "/mina-sidor");
  return pending.back ? `${(await addressOfHostKey(pending.back)) ?? ""}${path}` : path;
}

/**
 * Step 1, at the host without a session: keep a state in a cookie here and ask the giving host
 * (the front door unless `fran` names another) for a token. Null when this is no hand-over.
 */
export async function startHandover(request: Request) {
  const params = new URL(request.url).searchParams;
  const here = await currentHostKey();
  const from = params.get("fran") ?? FRONT_DOOR_KEY;
  const back = params.get("tillbaka") ?? undefined;
  const redirectTo = safeRedirect(params.get("redirectTo"), "/mina-sidor");
  const giver = isKey(from) ? await addressOfHostKey(from) : null;
  if (!here || !giver || from === here || (back !== undefined && !(isKey(back) && (await addressOfHostKey(back)))))
    return null;
  // Already signed in here: nothing to ask, unless this is the way back from a sign-in elsewhere
  // (then the newer sign-in replaces this one).
  if (!back && (await getUser(request))) return redirect(await destination({ redirectTo, back }));
  const pending: Pending = { state: randomToken(), redirectTo, ...(back ? { back } : {}) };
  return redirect(`${giver}${BASE}/ge?${new URLSearchParams({ till: here, state: pending.state })}`, {
    status: 303,
    headers: { "Set-Cookie": await cookie().serialize(pending) },
  });
}

/**
 * Step 2, at a host where the person may be signed in: a one-time token for the asking host, or
 * word that nobody is signed in here. Null when `till` names no host of the installation.
 */
export async function giveToHost(request: Request) {
  const params = new URL(request.url).searchParams;
  const till = params.get("till");
  const state = params.get("state");
  const receiver = isKey(till) ? await addressOfHostKey(till) : null;
  if (!receiver || !till || !state || state.length > 100) return null;
  const user = await getUser(request);
  const session = user ? await sessionToHandOn(await sessionToken(request)) : null;
  const answer: Record<string, string> =
    user && session
      ? { token: await giveHandover({ userId: user._id, ...session, receiver: till, state }) }
      : { fel: "ingen" };
  return redirect(`${receiver}${BASE}/klar?${new URLSearchParams(answer)}`, { status: 303 });
}

/** The receiver's state cookie removed: a refused hand-over leaves nothing pending behind. */
export const clearedHandoverState = () => cookie().serialize("", { maxAge: 0 });

/**
 * Step 3, back at the host that asked: the token for a session of its own (in the same family).
 * "refused" when the token is not for this browser, this host or now.
 */
export async function takeAtHost(request: Request): Promise<Response | "refused"> {
  const params = new URL(request.url).searchParams;
  const pending = (await cookie().parse(request.headers.get("Cookie"))) as Pending | null;
  const here = await currentHostKey();
  const clear = await clearedHandoverState();
  if (!pending || typeof pending.state !== "string" || !here) return "refused";
  const token = params.get("token");
  if (!token) {
    // Nobody is signed in where we asked: sign in here (or, on the way back, go on as before).
    const to = pending.back
      ? await destination(pending)
      : `/logga-in?${new URLSearchParams({ redirectTo: pending.redirectTo, overlamning: "ingen" })}`;
    return redirect(to, { headers: { "Set-Cookie": clear } });
  }
  const taken = await takeHandover(token, here, pending.state);
  if (!taken) return "refused";
  const headers = new Headers({ "Set-Cookie": clear });
  headers.append("Set-Cookie", await createUserSession(request, taken.userId, taken.providerId, taken.family));
  return redirect(await destination(pending), { headers });
}

/**
 * Where to go after signing in here: `to`, by way of the front door when a session made here
 * reaches no other host, so that the front door can hand it to every host (decision 033).
 */
export async function afterSignIn(to: string) {
  const here = await currentHostKey();
  if (!needsHandover() || !here || here === FRONT_DOOR_KEY) return to;
  const front = await addressOfHostKey(FRONT_DOOR_KEY);
  return front ? `${front}${BASE}?${new URLSearchParams({ fran: here, tillbaka: here, redirectTo: to })}` : to;
}
