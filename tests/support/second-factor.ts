import { Secret, TOTP } from "otpauth";
import type { HostResponse } from "./hosts";

// The installation administrator's authenticator app (decision 035), as a test plays it.

/** The code an authenticator app shows for `secret` at `at`. */
export const codeFor = (secret: string, at = Date.now()) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({ timestamp: at });

/** The key the enrolment page shows, to type into an app by hand. */
export const secretOn = (html: string) => /id="second-factor-secret"[^>]*>([A-Z2-7]+)</.exec(html)?.[1] ?? null;

/**
 * Connects an app and gives its first code in the session that `send` carries; returns the secret
 * and the time whose code it gave (a test may cross a 30-second step while it runs).
 * `send` is a GET without a form and a POST with one.
 */
export async function enrolSecondFactor(send: (path: string, form?: Record<string, string>) => Promise<HostResponse>) {
  const page = await send("/drift/tvastegsverifiering");
  const secret = secretOn(page.body);
  if (!secret) throw new Error(`no key on the enrolment page (${page.status})`);
  const at = Date.now();
  const done = await send("/drift/tvastegsverifiering", { code: codeFor(secret, at) });
  if (done.location !== "/drift") throw new Error(`enrolment refused (${done.status})`);
  return { secret, at };
}
