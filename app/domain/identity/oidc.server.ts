import { LRUCache } from "lru-cache";
import * as client from "openid-client";
import type { Types } from "mongoose";
import { IdentityProviderModel, type IdentityProvider } from "#models/identity-provider";
import { claimOnce } from "../kernel/claims.server";
import { clockNow } from "../kernel/clock";
import { keyedHash, unseal } from "../kernel/crypto.server";
import { logger } from "../kernel/logger.server";
import { rememberProviderOrigins } from "./provider-origins";
import { addressOf } from "../public-body/public-body.server";

// Signing in through OpenID Connect (decision 016): the authorization code flow with PKCE,
// `state` and `nonce`, the ID token checked by openid-client (issuer, audience, expiry, nonce,
// signature from the provider's JWKS). Nothing here knows about accounts: it turns a
// provider's answer into verified claims, or into an OidcError that says in plain words what
// went wrong.

export const SECRET_PURPOSE = "oidc-client-secret";
const PERSONAL_NUMBER_PURPOSE = "personal-identity-number";
/** How long a sign-in may take at the provider before its flow is forgotten. */
export const FLOW_TTL_MS = 10 * 60 * 1000;

export type FlowPurpose = "signin" | "link" | "stepup" | "test";

/** What the browser carries (in a signed cookie) between the redirect and the return. */
export interface Flow {
  providerId: string;
  purpose: FlowPurpose;
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
  startedAt: number;
  /** For a step-up: the signing it is for ("caseId:number"). */
  signing?: string;
}

export type ProviderDoc = IdentityProvider & { _id: Types.ObjectId };

/** Why a sign-in failed: a locale key under `oidc.errors`. */
export type OidcFailure =
  | "expired"
  | "state"
  | "denied"
  | "code"
  | "idToken"
  | "unavailable"
  | "noEmail"
  | "noStaffAccount"
  | "linkedElsewhere"
  | "notYourEid"
  | "proveAccount"
  | "disabled";

export class OidcError extends Error {
  constructor(
    readonly reason: OidcFailure,
    readonly code?: string,
  ) {
    super(`oidc: ${reason}${code ? ` (${code})` : ""}`);
  }
}

/** The verified facts about the person, from the ID token. Never the personal identity number. */
export interface VerifiedIdentity {
  providerId: string;
  issuer: string;
  subject: string;
  label: string;
  name: string;
  email?: string;
  emailVerified: boolean;
  groups: string[];
  authTime: Date;
  acr?: string;
  personalNumberHash?: string;
}

/** Where the provider sends the browser back: the body's own address (decision 028). */
export const redirectUri = async (publicBodyId: Types.ObjectId) =>
  new URL("/logga-in/retur", await addressOf(publicBodyId)).toString();

// Plain http is only for a provider on this machine (development and tests).
const isLoopback = (url: URL) => ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);

// Bounded (providers are few, but issuers come from administrators' input) and timed.
const discovered = new LRUCache<string, { metadata: client.ServerMetadata }>({ max: 100, ttl: 10 * 60 * 1000 });

/**
 * The provider's configuration: its discovery document (cached ten minutes per issuer) with
 * this client's credentials, and the app's clock, which the ID token's times are checked
 * against (tests move it; openid-client takes it as a skew from the system clock).
 */
async function configOf(provider: ProviderDoc): Promise<client.Configuration> {
  const issuer = new URL(provider.issuer);
  const insecure = issuer.protocol === "http:" && isLoopback(issuer);
  const execute = insecure ? [client.allowInsecureRequests] : [];
  let hit = discovered.get(provider.issuer);
  if (!hit) {
    try {
      const found = await client.discovery(issuer, provider.clientId, undefined, undefined, { execute, timeout: 10 });
      hit = { metadata: found.serverMetadata() };
      discovered.set(provider.issuer, hit);
    } catch (error) {
      throw new OidcError("unavailable", codeOf(error));
    }
  }
  const secret = provider.clientSecretSealed ? unseal(provider.clientSecretSealed, SECRET_PURPOSE) : undefined;
  const config = new client.Configuration(hit.metadata, provider.clientId, {
    ...(secret ? { client_secret: secret } : {}),
    [client.clockSkew]: Math.round((clockNow().getTime() - Date.now()) / 1000),
  });
  if (insecure) client.allowInsecureRequests(config);
  // The ID token's signature is checked against the provider's published keys (JWKS), not only
  // trusted because it came over TLS from the token endpoint.
  client.enableNonRepudiationChecks(config);
  config.timeout = 10;
  return config;
}

/** A provider by id, with its sealed secret; null when it is gone or of another public body. */
export async function findProvider(publicBodyId: Types.ObjectId, id: string) {
  if (!/^[a-f0-9]{24}$/.test(id)) return null;
  const provider = await IdentityProviderModel.findById(id).select("+clientSecretSealed").lean<ProviderDoc>();
  return provider && provider.publicBodyId.equals(publicBodyId) ? provider : null;
}

/** Reads which origins the sign-in buttons may be redirected to (at start and after a change). */
export async function refreshProviderOrigins() {
  const all = await IdentityProviderModel.find({ enabled: true }).select("issuer").lean();
  rememberProviderOrigins(all.map((p) => p.issuer));
}

/** The enabled providers of a public body, for the sign-in page's buttons (a small collection). */
export async function enabledProviders(publicBodyId: Types.ObjectId) {
  const all = await IdentityProviderModel.find({ publicBodyId, enabled: true })
    .select("label audience stepUpForSigning issuer")
    .sort({ label: 1 })
    .lean();
  // One public body per instance: its buttons are the origins its forms may lead to.
  rememberProviderOrigins(all.map((p) => p.issuer));
  return all.map((p) => ({
    id: String(p._id),
    label: p.label,
    audience: p.audience,
    stepUpForSigning: p.stepUpForSigning,
  }));
}

/** Starts a sign-in: the provider's address to send the browser to, and the flow to remember. */
export async function startFlow(provider: ProviderDoc, purpose: FlowPurpose, returnTo: string, signing?: string) {
  if (!provider.enabled && purpose !== "test") throw new OidcError("disabled");
  const config = await configOf(provider).catch(async (error: unknown) => {
    await recordFailure(provider._id, error);
    throw error;
  });
  const flow: Flow = {
    providerId: String(provider._id),
    purpose,
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
    returnTo,
    startedAt: clockNow().getTime(),
    ...(purpose === "stepup" && signing ? { signing } : {}),
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: await redirectUri(provider.publicBodyId),
    scope: provider.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: "S256",
    state: flow.state,
    nonce: flow.nonce,
    // Signing asks for a fresh authentication, whatever session the person has there.
    ...(purpose === "stepup" ? { prompt: "login", max_age: "0" } : {}),
  });
  return { url: url.href, flow };
}

/**
 * Completes a sign-in from the provider's return address: checks the flow, exchanges the code
 * (once: a replayed return is refused here and by the provider), validates the ID token and
 * returns the verified identity. Every failure is recorded on the provider for /admin.
 */
export async function completeFlow(provider: ProviderDoc, flow: Flow, returnUrl: URL): Promise<VerifiedIdentity> {
  try {
    return await exchange(provider, flow, returnUrl);
  } catch (error) {
    await recordFailure(provider._id, error);
    throw error instanceof OidcError ? error : new OidcError("idToken", codeOf(error));
  }
}

async function exchange(provider: ProviderDoc, flow: Flow, returnUrl: URL): Promise<VerifiedIdentity> {
  if (clockNow().getTime() - flow.startedAt > FLOW_TTL_MS) throw new OidcError("expired");
  if (returnUrl.searchParams.get("state") !== flow.state) throw new OidcError("state");
  const providerError = returnUrl.searchParams.get("error");
  if (providerError) throw new OidcError("denied", providerError.slice(0, 60));
  // One return per flow, across instances: a second use of the same state is a replay.
  if (!(await claimOnce(`oidc-state:${flow.state}`, FLOW_TTL_MS))) throw new OidcError("code", "replayed");
  const config = await configOf(provider);
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, returnUrl, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
      ...(flow.purpose === "stepup" ? { maxAge: 0 } : {}),
    });
  } catch (error) {
    throw new OidcError(failureOf(error), codeOf(error));
  }
  const claims = tokens.claims();
  if (!claims) throw new OidcError("idToken", "no-id-token");
  return identityOf(provider, claims, flow);
}

// Where e-ID brokers put the personal identity number (Sweden Connect's OIDC profile, and the
// names some brokers use). It is hashed at once and never kept, shown or logged as it is.
const PERSONAL_NUMBER_CLAIMS = [
  "https://id.oidc.se/claim/personalIdentityNumber",
  "personal_identity_number",
  "personalIdentityNumber",
  "personal_number",
  "ssn",
];

function identityOf(provider: ProviderDoc, claims: client.IDToken, flow: Flow): VerifiedIdentity {
  const text = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim().slice(0, 200) : undefined);
  const personalNumber = PERSONAL_NUMBER_CLAIMS.map((c) => text(claims[c])).find(Boolean);
  const name = text(claims.name) ?? [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(" ") ?? "";
  const email = text(claims.email)?.toLowerCase();
  const groups = claims[provider.groupsClaim];
  const authTime = typeof claims.auth_time === "number" ? claims.auth_time : claims.iat;
  if (flow.purpose === "stepup" && clockNow().getTime() / 1000 - authTime > 5 * 60) {
    throw new OidcError("idToken", "stale-authentication");
  }
  return {
    providerId: String(provider._id),
    issuer: claims.iss,
    subject: claims.sub,
    label: provider.label,
    name: name || (email ?? ""),
    email: email && email.length <= 254 ? email : undefined,
    emailVerified: claims.email_verified === true,
    groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === "string") : [],
    authTime: new Date(authTime * 1000),
    acr: text(claims.acr),
    personalNumberHash: personalNumber ? hashPersonalNumber(personalNumber) : undefined,
  };
}

/** The keyed hash of a personal identity number (digits only, so 19121212-1212 = 191212121212). */
export const hashPersonalNumber = (value: string) => keyedHash(value.replace(/\D/g, ""), PERSONAL_NUMBER_PURPOSE);

const codeOf = (error: unknown): string | undefined => {
  if (error instanceof OidcError) return error.code;
  const e = error as { error?: unknown; code?: unknown; cause?: { code?: unknown } } | null;
  const code = typeof e?.error === "string" ? e.error : typeof e?.code === "string" ? e.code : e?.cause?.code;
  return typeof code === "string" ? code.slice(0, 60) : undefined;
};

/** The provider answered the code with an error (a used or unknown code), or could not be reached. */
function failureOf(error: unknown): OidcFailure {
  const code = codeOf(error) ?? "";
  if (["invalid_grant", "invalid_client", "unauthorized_client", "invalid_request"].includes(code)) return "code";
  if (error instanceof TypeError || /ECONNREFUSED|ETIMEDOUT|ENOTFOUND|TIMEOUT|ABORT/i.test(code)) return "unavailable";
  return "idToken";
}

const KEEP_FAILURES = 10;

/** Keeps the reason (never a claim or a token) among the provider's last failures. */
export async function recordFailure(providerId: Types.ObjectId, error: unknown) {
  const failure =
    error instanceof OidcError
      ? { reason: error.reason, code: error.code }
      : { reason: "unavailable", code: codeOf(error) };
  logger.warn({ providerId: String(providerId), ...failure }, "OpenID Connect sign-in failed");
  await IdentityProviderModel.updateOne(
    { _id: providerId },
    { $push: { failures: { $each: [{ at: clockNow(), ...failure }], $position: 0, $slice: KEEP_FAILURES } } },
  );
}

/** The provider's sign-out address (RP-initiated logout), when it offers one. */
export async function endSessionUrl(provider: ProviderDoc) {
  try {
    const config = await configOf(provider);
    if (!config.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(config, {
      client_id: provider.clientId,
      post_logout_redirect_uri: new URL("/", await addressOf(provider.publicBodyId)).toString(),
    }).href;
  } catch {
    return null;
  }
}

/** For /admin: marks the provider's last test sign-in. */
export async function recordTest(providerId: Types.ObjectId, ok: boolean) {
  await IdentityProviderModel.updateOne({ _id: providerId }, { $set: { lastTest: { at: clockNow(), ok } } });
}
