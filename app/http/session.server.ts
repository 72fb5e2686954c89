import { createCookie, createCookieSessionStorage, redirect } from "@remix-run/node";
import type { Types } from "mongoose";
import { getEnv } from "../domain/kernel/env.server";
import { requestHost } from "../domain/kernel/request-host";
import { sharedCookieDomain } from "../domain/public-body/tenancy";
import { oncePerRequest } from "../domain/kernel/request-scope";
import { ABSOLUTE_TIMEOUT_MS } from "../domain/identity/session-policy";
import {
  endSession,
  endSessions,
  sessionUser,
  startSession,
  type SessionUser,
} from "../domain/identity/sessions.server";

// The session cookie (docs/architecture.md, "Sessions"): it carries the session's secret token;
// the session itself is the domain's (identity/sessions.server.ts).

// `Secure` everywhere but development (browsers accept Secure cookies from http://localhost
// and 127.0.0.1, which the tests use).
const secureCookies = () => getEnv().NODE_ENV !== "development";

let sessionCookie: ReturnType<typeof createCookie> | undefined;
/** Under the installation's own host the session is valid on every body's subdomain (decision 028). */
const cookieScope = () => {
  const domain = sharedCookieDomain(requestHost(), getEnv().APP_HOST);
  return domain ? { domain } : {};
};

function cookie() {
  sessionCookie ??= createCookie("__session", {
    httpOnly: true,
    sameSite: "lax",
    secure: secureCookies(),
    path: "/",
    maxAge: ABSOLUTE_TIMEOUT_MS / 1000,
    secrets: getEnv().SESSION_SECRETS,
  });
  return sessionCookie;
}

export type { SessionUser };

export async function sessionToken(request: Request): Promise<string | null> {
  const value: unknown = await cookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length < 100 ? value : null;
}

const userCache = new WeakMap<Request, Promise<SessionUser | null>>();

/**
 * The signed-in user, or null. Extends the idle timeout (rolling). Read once per page view, and
 * once per Request object where there is no page-view scope (actions).
 */
export function getUser(request: Request): Promise<SessionUser | null> {
  return oncePerRequest("user", () => {
    let pending = userCache.get(request);
    if (!pending) {
      pending = loadUser(request);
      userCache.set(request, pending);
    }
    return pending;
  });
}

async function loadUser(request: Request): Promise<SessionUser | null> {
  const token = await sessionToken(request);
  return token ? sessionUser(token) : null;
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/logga-in?${new URLSearchParams({ redirectTo: url.pathname + url.search })}`);
  }
  return user;
}

/**
 * Starts a new session (always a new id) and returns its Set-Cookie header. A session begun at
 * an OpenID provider remembers it, to sign out there too; one handed over from another host
 * joins that session's family (decision 033).
 */
export async function createUserSession(
  request: Request,
  userId: Types.ObjectId,
  providerId?: Types.ObjectId,
  family?: string,
) {
  const token = await startSession(userId, {
    replacing: await sessionToken(request),
    userAgent: request.headers.get("User-Agent") ?? "",
    ...(providerId ? { providerId } : {}),
    ...(family ? { family } : {}),
  });
  return cookie().serialize(token, cookieScope());
}

/** Ends the session; returns its Set-Cookie header and the provider it began at, if any. */
export async function destroySession(request: Request) {
  const providerId = await endSession(await sessionToken(request));
  return { setCookie: await cookie().serialize("", { maxAge: 0, ...cookieScope() }), providerId };
}

/** Ends every session of the user except, optionally, the current one. */
export async function destroyAllSessions(userId: Types.ObjectId, keepRequest?: Request) {
  await endSessions(userId, keepRequest ? await sessionToken(keepRequest) : null);
}

// Flash messages (toasts after a redirect) live in a separate short cookie.
let flashStorage: ReturnType<typeof createCookieSessionStorage<Record<string, never>, { toast: string }>> | undefined;
function flash() {
  flashStorage ??= createCookieSessionStorage<Record<string, never>, { toast: string }>({
    cookie: {
      name: "__flash",
      httpOnly: true,
      sameSite: "lax",
      secure: secureCookies(),
      path: "/",
      secrets: getEnv().SESSION_SECRETS,
    },
  });
  return flashStorage;
}

/** A redirect that shows a message (a locale key) on the next page. */
export async function redirectWithToast(url: string, toastKey: string, headers: HeadersInit = {}) {
  const storage = flash();
  const session = await storage.getSession();
  session.flash("toast", toastKey);
  const h = new Headers(headers);
  h.append("Set-Cookie", await storage.commitSession(session));
  return redirect(url, { headers: h });
}

export async function readToast(request: Request) {
  const storage = flash();
  const session = await storage.getSession(request.headers.get("Cookie"));
  const toast = session.get("toast");
  if (typeof toast !== "string") return { toast: null, headers: undefined };
  return { toast, headers: { "Set-Cookie": await storage.commitSession(session) } };
}

const PROBE_ORIGIN = "http://samverka.invalid";

/**
 * Only paths on this site may be redirected to after sign-in. The target is parsed the way a
 * browser parses it (tabs and newlines dropped, `\\` read as `/`), so `/\t/evil.example` is
 * seen as the other site it is; what is returned is the parser's ASCII serialisation, safe in
 * a Location header.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (typeof to !== "string" || !to.startsWith("/") || to.length > 2000) return fallback;
  let url: URL;
  try {
    url = new URL(to, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  const path = url.pathname + url.search + url.hash;
  if (url.origin !== PROBE_ORIGIN || path.startsWith("//") || !/^\/[\x21-\x7e]*$/.test(path)) return fallback;
  return path;
}
