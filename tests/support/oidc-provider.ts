import { generateKeyPairSync } from "node:crypto";
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";
import { freePort } from "../../scripts/db";

// A real OpenID provider for the tests (oidc-provider, certified), on a loopback port with its
// own keys. It stands in front of a small proxy, so a test can make it look like an issuer that
// is down, or publish keys other than the ones it signs with ("an ID token signed by another
// key", as the relying party sees it), without a mock anywhere.

export const CLIENT_ID = "samverka";
export const CLIENT_SECRET = "hemlig-testnyckel-for-samverka";
export const PERSONAL_NUMBER_CLAIM = "https://id.oidc.se/claim/personalIdentityNumber";

export type TestAccount = {
  name: string;
  email?: string;
  email_verified?: boolean;
  groups?: string[];
  [PERSONAL_NUMBER_CLAIM]?: string;
};

const jwk = () => ({
  ...generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }),
  kid: "k1",
  use: "sig",
  alg: "RS256",
});

export interface TestProvider {
  issuer: string;
  accounts: Map<string, TestAccount>;
  /** Serve another key set at the JWKS address (the ID tokens no longer verify). */
  publishOtherKeys(on: boolean): void;
  /** Refuse every connection, as a provider that is down. */
  down(on: boolean): void;
  stop(): Promise<void>;
}

export async function startTestProvider(appUrl: string, options: { idTokenTtl?: number } = {}): Promise<TestProvider> {
  const accounts = new Map<string, TestAccount>();
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const other = { keys: [jwk()] };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${appUrl}/logga-in/retur`],
        post_logout_redirect_uris: [`${appUrl}/`],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    jwks: { keys: [jwk()] },
    pkce: { methods: ["S256"], required: () => true },
    claims: {
      // e-ID brokers put the assurance level and the time of authentication in every ID token.
      openid: ["sub", "acr", "auth_time"],
      profile: ["name"],
      email: ["email", "email_verified"],
      groups: ["groups"],
      pnr: [PERSONAL_NUMBER_CLAIM],
    },
    // The claims go into the ID token itself (as e-ID brokers do), not only into userinfo.
    conformIdTokenClaims: false,
    scopes: ["openid", "profile", "email", "groups", "pnr"],
    acrValues: [TEST_ACR],
    ttl: { IdToken: options.idTokenTtl ?? 60, AccessToken: 60, AuthorizationCode: 60 },
    cookies: { keys: ["provider-cookie-key-for-tests"] },
    // The login page is ours (below): it signs in any login, at e-ID's assurance level.
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    findAccount: (_ctx: KoaContextWithOIDC, sub: string) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: () => ({ sub, ...account }) };
    },
    // Consent is the municipality's business with its broker: the test client is trusted.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope("openid profile email groups pnr");
      return grant.save().then((id) => ctx.oidc.provider.Grant.find(id));
    },
  });
  const oidc = provider.callback();
  const internal = createServer((req, res) => {
    if (!req.url?.startsWith("/interaction/")) return void oidc(req, res);
    void interaction(provider, req, res).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => internal.listen(0, "127.0.0.1", resolve));
  const target = (internal.address() as AddressInfo).port;

  let otherKeys = false;
  let isDown = false;
  const proxy: Server = createServer((req, res) => {
    if (isDown) {
      req.socket.destroy();
      return;
    }
    if (otherKeys && req.url?.startsWith("/jwks")) {
      const { keys } = other;
      const publicKeys = keys.map(({ kty, n, e, kid, use, alg }) => ({ kty, n, e, kid, use, alg }));
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ keys: publicKeys }));
      return;
    }
    const upstream = httpRequest(
      { host: "127.0.0.1", port: target, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(port, "127.0.0.1", resolve));
  return {
    issuer,
    accounts,
    publishOtherKeys: (on) => void (otherKeys = on),
    down: (on) => void (isDown = on),
    async stop() {
      proxy.closeAllConnections();
      internal.closeAllConnections();
      await Promise.all([
        new Promise((resolve) => proxy.close(resolve)),
        new Promise((resolve) => internal.close(resolve)),
      ]);
    },
  };
}

/** The value of `acr` the test provider's logins carry: the Swedish e-ID assurance level 3. */
export const TEST_ACR = "http://id.elegnamnden.se/loa/1.0/loa3";

/** A provider's login page: any login, any password (the account's claims come from `accounts`). */
async function interaction(provider: Provider, req: IncomingMessage, res: ServerResponse) {
  const { uid, prompt } = await provider.interactionDetails(req, res);
  if (req.method === "GET") {
    res
      .writeHead(200, { "Content-Type": "text/html; charset=utf-8" })
      .end(
        `<!doctype html><html lang="en"><title>Test provider</title><form method="post" action="/interaction/${uid}">` +
          `<input name="login" placeholder="Enter any login" required><input type="password" name="password" placeholder="and password">` +
          `<button type="submit">Sign-in</button></form></html>`,
      );
    return;
  }
  let body = "";
  for await (const chunk of req) body += String(chunk);
  const login = new URLSearchParams(body).get("login") ?? "";
  if (prompt.name !== "login") throw new Error(`unexpected prompt ${prompt.name}`);
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: login, acr: TEST_ACR } },
    { mergeWithLastSubmission: false },
  );
}

type Jar = Map<string, string>;
const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
function keep(jar: Jar, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const at = pair.indexOf("=");
    const value = pair.slice(at + 1);
    if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === "") jar.delete(pair.slice(0, at));
    else jar.set(pair.slice(0, at), value);
  }
}

/**
 * Signs in at the provider as `login` the way a browser would (its own cookies, its login form)
 * and returns the address the provider sends the browser back to (the app's return address).
 */
export async function signInAtProvider(authorizeUrl: string, login: string, appUrl: string) {
  const jar: Jar = new Map();
  let url = authorizeUrl;
  let body: URLSearchParams | undefined;
  for (let step = 0; step < 10; step++) {
    const response = await fetch(url, {
      method: body ? "POST" : "GET",
      body,
      redirect: "manual",
      headers: { cookie: cookieHeader(jar) },
    });
    keep(jar, response);
    body = undefined;
    const location = response.headers.get("location");
    if (location) {
      url = new URL(location, url).href;
      if (url.startsWith(appUrl)) return url;
      continue;
    }
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`No form at the provider (${response.status}): ${html.slice(0, 200)}`);
    url = new URL(action, url).href;
    body = new URLSearchParams({ prompt: "login", login, password: "test" });
  }
  throw new Error("The provider did not send the browser back");
}
