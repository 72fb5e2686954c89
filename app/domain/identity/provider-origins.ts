// The origins of the OpenID providers, for the Content-Security-Policy's form-action: a sign-in
// (or sign-out) button posts here and is redirected to the provider, and browsers check that
// redirect against form-action. Kept under a global symbol because server/app.ts, which sets
// the header, runs outside the app's bundle (like the clock).

const KEY = Symbol.for("samverka.providerOrigins");
const holder = globalThis as unknown as Record<symbol, string[] | undefined>;

export const providerOrigins = (): string[] => holder[KEY] ?? [];

export function rememberProviderOrigins(issuers: string[]) {
  const origins = new Set<string>();
  for (const issuer of issuers) {
    try {
      origins.add(new URL(issuer).origin);
    } catch {
      // An issuer that is not a URL cannot be redirected to anyway.
    }
  }
  holder[KEY] = [...origins].sort();
}
