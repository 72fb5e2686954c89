import { Writable } from "node:stream";
import { createCookie } from "@remix-run/node";
import pino from "pino";
import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IdentityProviderModel } from "#models/identity-provider";
import { ProposalModel } from "#models/proposal";
import { UserModel } from "#models/user";
import { agreementInStatus } from "~/domain/demo/factories.server";
import { saveProvider } from "~/domain/identity/providers.server";
import { setClock } from "~/domain/kernel/clock";
import { getPublicBody } from "~/domain/public-body/public-body.server";
import { startTestApp, type TestApp } from "../support/app";
import { laxhjalpenCast, linkEidTo } from "../support/cast";
import { Client, DEMO, sessionFor, signForm } from "../support/http";
import {
  CLIENT_ID,
  CLIENT_SECRET,
  PERSONAL_NUMBER_CLAIM,
  signInAtProvider,
  startTestProvider,
  TEST_ACR,
  type TestProvider,
} from "../support/oidc-provider";

// Signing in through OpenID Connect against a real provider (oidc-provider on a loopback port):
// accounts made and linked, staff matched, and every way the answer can be wrong or missing.

let app: TestApp;
let idp: TestProvider;
const providers = { eid: "", staff: "" };
const PERSONAL_NUMBER = "19121212-1212";

// Everything the app logs, to look for personal identity numbers in it.
const logs: string[] = [];
const logStream = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logs.push(chunk.toString());
    done();
  },
});

beforeAll(async () => {
  (globalThis as unknown as Record<symbol, unknown>)[Symbol.for("samverka.logDestination")] = logStream;
  process.env.LOG_LEVEL = "debug";
  app = await startTestApp("oidc", { logger: pino({ level: "trace" }, logStream) });
  idp = await startTestProvider(app.url);
  const body = await getPublicBody();
  const common = {
    issuer: idp.issuer,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    groupsClaim: "groups",
    enabled: true,
  };
  providers.eid = String(
    await saveProvider(body._id, {
      ...common,
      label: "BankID (test)",
      scopes: "openid profile email pnr",
      audience: "organisation",
      stepUpForSigning: true,
      groupRoles: [],
    }),
  );
  providers.staff = String(
    await saveProvider(body._id, {
      ...common,
      label: "Kommunens konto (test)",
      scopes: "openid profile email groups",
      audience: "staff",
      stepUpForSigning: false,
      groupRoles: [{ group: "iop-handlaggare", role: "officer" }],
    }),
  );
});

afterAll(async () => {
  setClock(null);
  await idp?.stop();
  await app?.stop();
});

/** Presses the provider's button on the sign-in page; returns where the browser is sent. */
async function start(
  client: Client,
  provider: string,
  purpose = "signin",
  returnTo = "/mina-sidor",
  extra: Record<string, string> = {},
) {
  const res = await client.post(`/logga-in/med/${provider}`, { purpose, returnTo, ...extra });
  expect(res.status).toBe(302);
  return res.headers.get("Location")!;
}

/** The whole round: our button, the provider's login form, back to our return address. */
async function signInWith(client: Client, provider: string, login: string, purpose = "signin") {
  const back = await signInAtProvider(await start(client, provider, purpose), login, app.url);
  return client.get(new URL(back).pathname + new URL(back).search);
}

const pathOf = (res: Response) => res.headers.get("Location");

describe("signing in with e-ID", () => {
  it("makes an account from the verified claims, keeps no personal identity number, and signs in again", async () => {
    idp.accounts.set("eva", {
      name: "Eva Ek",
      email: "eva.ek@example.se",
      email_verified: true,
      [PERSONAL_NUMBER_CLAIM]: PERSONAL_NUMBER,
    });
    const client = new Client(app.url);
    const authorize = new URL(await start(client, providers.eid));
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorize.searchParams.get("nonce")).toMatch(/^[\w-]{20,}$/);
    const back = await signInAtProvider(authorize.href, "eva", app.url);
    const returned = await client.get(new URL(back).pathname + new URL(back).search);
    expect(pathOf(returned)).toBe("/logga-in/koppla");

    const choice = await client.get("/logga-in/koppla");
    const page = await choice.text();
    expect(page).toContain("Du har legitimerat dig med BankID (test) som Eva Ek");
    expect(page).toContain("Skapa ett nytt konto");
    // A double click makes one account, and both clicks land on it.
    const create = { intent: "create", name: "Eva Ek", email: "eva.ek@example.se" };
    const [created, twin] = await Promise.all([
      client.post("/logga-in/koppla", create),
      client.post("/logga-in/koppla", create),
    ]);
    expect([pathOf(created), pathOf(twin)]).toEqual(["/mina-sidor?valkommen=1", "/mina-sidor?valkommen=1"]);
    expect(await UserModel.countDocuments({ email: "eva.ek@example.se" })).toBe(1);
    const account = await (await client.get("/konto")).text();
    expect(account).toContain("eva.ek@example.se");
    expect(account).toContain("BankID (test)");

    const user = await UserModel.findOne({ email: "eva.ek@example.se" }).lean();
    expect(user?.emailVerifiedAt).toBeInstanceOf(Date);
    expect(user?.externalIdentities.map((i) => [i.issuer, i.subject, i.label])).toEqual([
      [idp.issuer, "eva", "BankID (test)"],
    ]);
    expect(user?.externalIdentities[0]?.personalNumberHash).toMatch(/^[\w-]{43}$/);

    // The next time, the e-ID opens the account at once.
    const again = await signInWith(new Client(app.url), providers.eid, "eva");
    expect(pathOf(again)).toBe("/mina-sidor");

    // Not in the logs (the requests, the sign-in), nor anywhere in the database.
    expect(logs.join("\n")).toContain('"url":"/logga-in/retur?');
    expect(logs.join("\n")).not.toContain("121212");
    for (const { name } of await mongoose.connection.db!.listCollections().toArray()) {
      const all = JSON.stringify(await mongoose.connection.db!.collection(name).find().toArray());
      expect(all, name).not.toContain("191212121212");
      expect(all, name).not.toContain(PERSONAL_NUMBER);
    }
  });

  it("links to an existing account by a verified email only after its password, once", async () => {
    idp.accounts.set("anna", { name: "Anna A", email: DEMO.orgAdminA, email_verified: true });
    const client = new Client(app.url);
    expect(pathOf(await signInWith(client, providers.eid, "anna"))).toBe("/logga-in/koppla");
    const page = await (await client.get("/logga-in/koppla")).text();
    expect(page).toContain("Du har redan ett konto");
    expect(page).toContain("Logga in med lösenord och koppla");
    // The provider's verified email alone links nothing (no one-click link).
    expect((await client.post("/logga-in/koppla", { intent: "linkEmail" })).status).toBe(400);
    expect((await UserModel.findOne({ email: DEMO.orgAdminA }).lean())?.externalIdentities).toEqual([]);
    // Signed in with the password, the pending e-ID links; two clicks at once link once.
    const signedIn = await sessionFor(app.url, DEMO.orgAdminA);
    signedIn.setCookie(`__oidc_pending=${cookieValue(client, "__oidc_pending")}`);
    const [first, second] = await Promise.all([
      signedIn.post("/logga-in/koppla", { intent: "linkSignedIn" }),
      signedIn.post("/logga-in/koppla", { intent: "linkSignedIn" }),
    ]);
    expect([pathOf(first), pathOf(second)]).toEqual(["/mina-sidor", "/mina-sidor"]);
    const anna = await UserModel.findOne({ email: DEMO.orgAdminA }).lean();
    expect(anna?.externalIdentities.map((i) => i.subject)).toEqual(["anna"]);
  });

  it("does not link by an email the provider has not verified; signing in with the password links", async () => {
    idp.accounts.set("olle", { name: "Olle O", email: DEMO.orgMemberA, email_verified: false });
    const client = new Client(app.url);
    expect(pathOf(await signInWith(client, providers.eid, "olle"))).toBe("/logga-in/koppla");
    const page = await (await client.get("/logga-in/koppla")).text();
    expect(page).not.toContain("Du har redan ett konto");
    expect(page).toContain("Logga in med lösenord och koppla");
    expect((await client.post("/logga-in/koppla", { intent: "linkEmail" })).status).toBe(400);
    expect((await UserModel.findOne({ email: DEMO.orgMemberA }).lean())?.externalIdentities).toEqual([]);

    // Signed in with the password (the account proves itself), the pending e-ID links.
    const signedIn = await sessionFor(app.url, DEMO.orgMemberA);
    signedIn.setCookie(`__oidc_pending=${cookieValue(client, "__oidc_pending")}`);
    expect(await (await signedIn.get("/logga-in/koppla")).text()).toContain("Koppla till kontot du är inloggad med");
    expect(pathOf(await signedIn.post("/logga-in/koppla", { intent: "linkSignedIn" }))).toBe("/mina-sidor");
    expect((await UserModel.findOne({ email: DEMO.orgMemberA }).lean())?.externalIdentities[0]?.subject).toBe("olle");
  });
});

const cookieValue = (client: Client, name: string) =>
  client
    .cookieHeader()
    .split("; ")
    .find((c) => c.startsWith(`${name}=`))!
    .slice(name.length + 1);

describe("staff signing in with the municipality's account", () => {
  it("is matched to the invited staff account by verified email", async () => {
    idp.accounts.set("hanna", { name: "Hanna H", email: DEMO.officer, email_verified: true });
    const client = new Client(app.url);
    expect(pathOf(await signInWith(client, providers.staff, "hanna"))).toBe("/mina-sidor");
    const officer = await UserModel.findOne({ email: DEMO.officer }).lean();
    expect(officer?.externalIdentities.map((i) => i.label)).toEqual(["Kommunens konto (test)"]);
    expect(await (await client.get("/handlaggning")).status).toBe(200);
  });

  it("gets no staff role from a claim alone, only from a group an administrator mapped", async () => {
    idp.accounts.set("okand", {
      name: "Okänd O",
      email: "okand@exempelkommun.se",
      email_verified: true,
      groups: ["alla"],
    });
    const refused = await signInWith(new Client(app.url), providers.staff, "okand");
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("Det finns inget konto i Samverka för dig");
    expect(await UserModel.exists({ email: "okand@exempelkommun.se" })).toBeNull();

    idp.accounts.set("mappad", {
      name: "Mappad M",
      email: "mappad@exempelkommun.se",
      email_verified: true,
      groups: ["alla", "iop-handlaggare"],
    });
    expect(pathOf(await signInWith(new Client(app.url), providers.staff, "mappad"))).toBe("/mina-sidor");
    const mapped = await UserModel.findOne({ email: "mappad@exempelkommun.se" }).lean();
    expect(mapped?.staffMemberships.map((m) => m.role)).toEqual(["officer"]);
    // Signing in twice at once makes one account with one membership.
    idp.accounts.set("dubbel", {
      name: "Dubbel D",
      email: "dubbel@exempelkommun.se",
      email_verified: true,
      groups: ["iop-handlaggare"],
    });
    const twice = [new Client(app.url), new Client(app.url)];
    const backs = await Promise.all(
      twice.map(async (c) => signInAtProvider(await start(c, providers.staff), "dubbel", app.url)),
    );
    await Promise.all(twice.map((c, i) => c.get(new URL(backs[i]!).pathname + new URL(backs[i]!).search)));
    const dubbel = await UserModel.find({ email: "dubbel@exempelkommun.se" }).lean();
    expect(dubbel.map((u) => [u.staffMemberships.length, u.externalIdentities.length])).toEqual([[1, 1]]);
  });

  it("never links to nor gives a role to an account that is not this body's invited staff", async () => {
    // An organisation member's address, in a mapped group at the municipality's provider.
    idp.accounts.set("kapare", {
      name: "Kapare K",
      email: DEMO.orgAdminB,
      email_verified: true,
      groups: ["iop-handlaggare"],
    });
    const refused = await signInWith(new Client(app.url), providers.staff, "kapare");
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain("Det finns redan ett konto i Samverka med din e-postadress");
    const member = await UserModel.findOne({ email: DEMO.orgAdminB }).lean();
    expect(member?.staffMemberships).toEqual([]);
    expect(await UserModel.exists({ "externalIdentities.subject": "kapare" })).toBeNull();
  });
});

describe("a sign-in that must fail", () => {
  const flowCookie = createCookie("__oidc_flow", { secrets: ["test-secret-that-is-long-enough"] });

  async function failure(res: Response, status: number, text: string) {
    expect(res.status).toBe(status);
    const page = await res.text();
    expect(page).toContain("Inloggningen gick inte att slutföra");
    expect(page).toContain(text);
  }

  const signedIn = (client: Client) => client.hasCookie("__session");

  it("refuses a tampered state", async () => {
    idp.accounts.set("t1", { name: "T Ett" });
    const client = new Client(app.url);
    const back = new URL(await signInAtProvider(await start(client, providers.eid), "t1", app.url));
    back.searchParams.set("state", "en-annan-state");
    await failure(await client.get(back.pathname + back.search), 400, "hörde inte ihop med din inloggning");
    expect(signedIn(client)).toBe(false);
  });

  it("refuses a replayed return (the same code twice)", async () => {
    idp.accounts.set("t2", { name: "T Två" });
    idp.accounts.set("staffer", { name: "S", email: DEMO.coordinator, email_verified: true });
    const client = new Client(app.url);
    const back = new URL(await signInAtProvider(await start(client, providers.staff), "staffer", app.url));
    const flow = cookieValue(client, "__oidc_flow");
    expect(pathOf(await client.get(back.pathname + back.search))).toBe("/mina-sidor");
    const replay = new Client(app.url);
    replay.setCookie(`__oidc_flow=${flow}`);
    await failure(await replay.get(back.pathname + back.search), 400, "redan använts");
    expect(signedIn(replay)).toBe(false);
  });

  it("refuses an ID token with another nonce than the one sent", async () => {
    idp.accounts.set("t3", { name: "T Tre" });
    const client = new Client(app.url);
    const back = new URL(await signInAtProvider(await start(client, providers.eid), "t3", app.url));
    const flow = (await flowCookie.parse(`__oidc_flow=${cookieValue(client, "__oidc_flow")}`)) as { nonce: string };
    const forged = await flowCookie.serialize({ ...flow, nonce: "en-annan-nonce" });
    client.setCookie(forged);
    await failure(await client.get(back.pathname + back.search), 400, "Vi kunde inte lita på svaret");
    expect(signedIn(client)).toBe(false);
  });

  it("refuses an expired ID token", async () => {
    idp.accounts.set("t4", { name: "T Fyra" });
    const client = new Client(app.url);
    const back = new URL(await signInAtProvider(await start(client, providers.eid), "t4", app.url));
    // The provider's ID tokens live 60 s (and 30 s of tolerance): three minutes later it is stale.
    setClock(() => new Date(Date.now() + 3 * 60 * 1000));
    try {
      await failure(await client.get(back.pathname + back.search), 400, "Vi kunde inte lita på svaret");
    } finally {
      setClock(null);
    }
    expect(signedIn(client)).toBe(false);
  });

  it("refuses an ID token signed by another key than the provider publishes", async () => {
    idp.accounts.set("t5", { name: "T Fem" });
    const client = new Client(app.url);
    const back = new URL(await signInAtProvider(await start(client, providers.eid), "t5", app.url));
    idp.publishOtherKeys(true);
    try {
      await failure(await client.get(back.pathname + back.search), 400, "Vi kunde inte lita på svaret");
    } finally {
      idp.publishOtherKeys(false);
    }
    expect(signedIn(client)).toBe(false);
  });

  it("says so in Swedish when the provider is down, and keeps the reason for the administrator", async () => {
    idp.accounts.set("t6", { name: "T Sex" });
    const client = new Client(app.url);
    const back = new URL(await signInAtProvider(await start(client, providers.eid), "t6", app.url));
    idp.down(true);
    try {
      await failure(await client.get(back.pathname + back.search), 503, "Inloggningstjänsten svarar inte just nu");
    } finally {
      idp.down(false);
    }
    // A provider never reached at all: the button leads to the same message, not to a 500.
    const body = await getPublicBody();
    const nowhere = await saveProvider(body._id, {
      label: "Nere",
      issuer: "http://127.0.0.1:9",
      clientId: "x",
      scopes: "openid",
      audience: "organisation",
      stepUpForSigning: false,
      groupsClaim: "groups",
      groupRoles: [],
      enabled: true,
    });
    const sent = await start(client, String(nowhere));
    expect(sent).toBe("/logga-in/retur?fel=unavailable");
    await failure(await client.get(sent), 503, "Inloggningstjänsten svarar inte just nu");
    const eid = await IdentityProviderModel.findById(providers.eid).lean();
    expect(eid?.failures.map((f) => f.reason)).toContain("unavailable");
    expect(JSON.stringify(eid?.failures)).not.toContain("T Sex");
    // The domain's own log line of the failure is there too, with the reason only.
    expect(logs.join("\n")).toMatch(/"reason":"unavailable".*"msg":"OpenID Connect sign-in failed"/);
    // A crafted link with a reason we never send is a bad request with the error page, not a 503.
    for (const crafted of ["nonsense", "<script>", "x".repeat(5000)]) {
      await failure(
        await client.get(`/logga-in/retur?${new URLSearchParams({ fel: crafted })}`),
        400,
        "Inloggningen tog för lång tid",
      );
    }
  });
});

describe("the ways in of an account", () => {
  it("unlinks an e-ID, never the last way in, and signs out at the provider too", async () => {
    idp.accounts.set("bara-eid", { name: "Bara E", email: "bara.eid@example.se", email_verified: true });
    const client = new Client(app.url);
    expect(pathOf(await signInWith(client, providers.eid, "bara-eid"))).toBe("/logga-in/koppla");
    await client.post("/logga-in/koppla", { intent: "create", name: "Bara E", email: "bara.eid@example.se" });
    const only = `${idp.issuer}|bara-eid`;
    expect(await (await client.get("/konto")).text()).toContain("Välj ett lösenord");
    // Hostile input on the unlink form: refused, nothing removed.
    expect((await client.post("/konto", "intent=unlinkIdentity&identity[$ne]=x")).status).toBe(400);
    expect((await client.post("/konto", { intent: "unlinkIdentity", identity: "x".repeat(1_000_000) })).status).toBe(
      400,
    );
    const refused = await client.post("/konto", { intent: "unlinkIdentity", identity: only });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("Det här är ditt enda sätt att logga in");
    expect((await UserModel.findOne({ email: "bara.eid@example.se" }).lean())?.externalIdentities).toHaveLength(1);

    // The session began at the provider: signing out goes there too (RP-initiated logout).
    const out = await client.post("/logga-ut", {});
    const end = new URL(pathOf(out)!);
    expect(end.origin).toBe(idp.issuer);
    expect(end.searchParams.get("client_id")).toBe(CLIENT_ID);
    expect(end.searchParams.get("post_logout_redirect_uri")).toBe(`${app.url}/`);

    // An account with a password may drop its e-ID; the e-ID may then link elsewhere.
    idp.accounts.set("lina", { name: "Lina L", email: DEMO.orgAdminB, email_verified: true });
    const viaEid = new Client(app.url);
    await signInWith(viaEid, providers.eid, "lina");
    const lina = await sessionFor(app.url, DEMO.orgAdminB);
    lina.setCookie(`__oidc_pending=${cookieValue(viaEid, "__oidc_pending")}`);
    expect(pathOf(await lina.post("/logga-in/koppla", { intent: "linkSignedIn" }))).toBe("/mina-sidor");
    const unlinked = await lina.post("/konto", { intent: "unlinkIdentity", identity: `${idp.issuer}|lina` });
    expect(pathOf(unlinked)).toBe("/konto#inloggningar");
    expect((await UserModel.findOne({ email: DEMO.orgAdminB }).lean())?.externalIdentities).toEqual([]);
  });

  it("refuses hostile input on the choice page with field messages, and escapes what the provider says", async () => {
    idp.accounts.set("elak", { name: "<script>alert(1)</script>", email: "elak@example.se", email_verified: true });
    const client = new Client(app.url);
    await signInWith(client, providers.eid, "elak");
    const page = await (await client.get("/logga-in/koppla")).text();
    expect(page).not.toContain("<script>alert(1)</script>");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    const injected = await client.post("/logga-in/koppla", "intent=create&name=Elak&email[$ne]=x");
    expect(injected.status).toBe(400);
    const huge = await client.post("/logga-in/koppla", {
      intent: "create",
      name: "x".repeat(1_000_000),
      email: "elak@example.se",
    });
    expect(huge.status).toBe(400);
    expect(await huge.text()).toContain("högst 100 tecken");
    const json = await client.post("/logga-in/koppla", JSON.stringify({ intent: "create" }), {
      "Content-Type": "application/json",
    });
    expect(json.status).toBe(415);
    expect(await UserModel.exists({ email: "elak@example.se" })).toBeNull();
  });
});

describe("adding a way in from /konto", () => {
  it("asks for the password again (or a fresh e-ID sign-in without one) before the provider is asked", async () => {
    const anna = await sessionFor(app.url, DEMO.orgAdminA);
    const link = (extra: Record<string, string>) =>
      anna.post(`/logga-in/med/${providers.eid}`, { purpose: "link", returnTo: "/konto", ...extra });
    // A session alone adds nothing: the browser goes back to /konto with the reason.
    expect(pathOf(await link({}))).toBe("/konto?koppla=password#inloggningar");
    expect(pathOf(await link({ password: "fel lösenord" }))).toBe("/konto?koppla=password#inloggningar");
    const page = await (await anna.get("/konto?koppla=password")).text();
    expect(page).toContain("Lösenordet stämmer inte. Ingen inloggning lades till.");
    expect(page).toContain('name="password"');
    // With the password, on to the provider.
    expect(new URL(pathOf(await link({ password: DEMO.password }))!).origin).toBe(idp.issuer);

    // An account without a password: only a sign-in through its e-ID within ten minutes will do.
    const eidOnly = await UserModel.create({
      email: "bara.eid.konto@example.se",
      name: "Bara Eid",
      emailVerifiedAt: new Date(),
      externalIdentities: [
        { issuer: idp.issuer, subject: "bara-eid-konto", label: "BankID (test)", linkedAt: new Date() },
      ],
    });
    const { createUserSession } = await import("~/http/session.server");
    const viaPassword = new Client(app.url);
    viaPassword.setCookie(await createUserSession(new Request(app.url), eidOnly._id));
    expect(
      pathOf(await viaPassword.post(`/logga-in/med/${providers.eid}`, { purpose: "link", returnTo: "/konto" })),
    ).toBe("/konto?koppla=signInAgain#inloggningar");
    const viaEid = new Client(app.url);
    viaEid.setCookie(
      await createUserSession(new Request(app.url), eidOnly._id, new mongoose.Types.ObjectId(providers.eid)),
    );
    const started = await viaEid.post(`/logga-in/med/${providers.eid}`, { purpose: "link", returnTo: "/konto" });
    expect(new URL(pathOf(started)!).origin).toBe(idp.issuer);
    setClock(() => new Date(Date.now() + 11 * 60 * 1000));
    try {
      expect(pathOf(await viaEid.post(`/logga-in/med/${providers.eid}`, { purpose: "link", returnTo: "/konto" }))).toBe(
        "/konto?koppla=signInAgain#inloggningar",
      );
    } finally {
      setClock(null);
    }
  });

  it("lists each identity with where it comes from, and marks one whose provider is gone", async () => {
    const user = await UserModel.create({
      email: "tva.identiteter@example.se",
      name: "Två Identiteter",
      emailVerifiedAt: new Date(),
      externalIdentities: [
        { issuer: idp.issuer, subject: "tva-1", label: "BankID (test)", linkedAt: new Date("2026-03-01T10:00:00Z") },
        {
          issuer: "https://borttagen.example/",
          subject: "tva-2",
          label: "Freja",
          linkedAt: new Date("2026-05-02T10:00:00Z"),
        },
      ],
    });
    const client = await sessionFor(app.url, user.email);
    const page = (await (await client.get("/konto")).text()).replaceAll("<!-- -->", "");
    expect(page).toContain(`${new URL(idp.issuer).host} · Kopplad 1 mars 2026`);
    expect(page).toContain("borttagen.example (inloggningssättet finns inte längre) · Kopplad 2 maj 2026");
  });
});

describe("who may start which sign-in", () => {
  it("lets only an administrator test a provider, and only a signed-in person link or step up", async () => {
    for (const email of [DEMO.orgAdminA, DEMO.politician, DEMO.officer]) {
      const res = await (await sessionFor(app.url, email)).post(`/logga-in/med/${providers.eid}`, { purpose: "test" });
      expect(res.status, email).toBe(403);
    }
    const admin = await (
      await sessionFor(app.url, DEMO.admin)
    ).post(`/logga-in/med/${providers.eid}`, {
      purpose: "test",
    });
    expect(new URL(pathOf(admin)!).origin).toBe(idp.issuer);
    for (const purpose of ["link", "stepup"]) {
      const stranger = await new Client(app.url).post(`/logga-in/med/${providers.eid}`, {
        purpose,
        returnTo: "/konto",
      });
      expect(pathOf(stranger)).toBe("/logga-in?redirectTo=%2Fkonto");
    }
    const unknown = await new Client(app.url).post(`/logga-in/med/${"0".repeat(24)}`, { purpose: "signin" });
    expect(unknown.status).toBe(404);
  });
});

describe("a fresh e-ID authentication before signing (step-up)", () => {
  it("is asked of the organisation's signer, takes only the signer's own linked e-ID, links nothing, and signs once", async () => {
    const cast = await laxhjalpenCast();
    const c = await agreementInStatus(cast, "Steg upp: avtal att skriva under", false);
    const page = `/forslag/${String(c._id)}/avtal`;
    const signer = await sessionFor(app.url, DEMO.orgAdminB);
    expect(await (await signer.get(page)).text()).toContain("Legitimera dig med BankID (test)");
    // The password does not sign where e-ID is asked for.
    const withPassword = await signer.post(page, await signForm(c._id, DEMO.password));
    expect(withPassword.status).toBe(400);
    expect(await withPassword.text()).toContain("Legitimera dig med e-legitimation igen");
    const signing = { signing: `${String(c._id)}:${(await signForm(c._id)).signingNumber}` };
    const stepUp = async (login: string) => {
      const authorize = new URL(await start(signer, providers.eid, "stepup", `${page}#sign-heading`, signing));
      expect(authorize.searchParams.get("prompt")).toBe("login");
      expect(authorize.searchParams.get("max_age")).toBe("0");
      const back = new URL(await signInAtProvider(authorize.href, login, app.url));
      return signer.get(back.pathname + back.search);
    };

    // Someone else's e-ID, linked to nobody: refused, not linked to Lina, and it signs nothing.
    idp.accounts.set("annan-person", { name: "Annan Person", [PERSONAL_NUMBER_CLAIM]: "19700101-1234" });
    const stranger = await stepUp("annan-person");
    expect(stranger.status).toBe(400);
    expect(await stranger.text()).toContain("Den e-legitimationen är inte kopplad till ditt konto");
    expect(await UserModel.exists({ "externalIdentities.subject": "annan-person" })).toBeNull();
    expect((await signer.post(page, await signForm(c._id))).status).toBe(400);

    // Her own e-ID, linked to her account beforehand (from /konto).
    idp.accounts.set("lina-steg", { name: "Lina L", [PERSONAL_NUMBER_CLAIM]: "19850505-5555" });
    await linkEidTo(cast.member._id, idp.issuer, "lina-steg", "BankID (test)");
    expect(pathOf(await stepUp("lina-steg"))).toBe(`${page}#sign-heading`);
    expect(await (await signer.get(page)).text()).toContain("Du legitimerade dig med BankID (test)");
    // The step-up is for this case and version only: another case's page does not offer it.
    const other = await agreementInStatus(cast, "Steg upp: ett annat avtal", false);
    expect(await (await signer.get(`/forslag/${String(other._id)}/avtal`)).text()).not.toContain(
      "Du legitimerade dig med",
    );
    expect((await signer.post(`/forslag/${String(other._id)}/avtal`, await signForm(other._id))).status).toBe(400);

    // Six minutes later the authentication no longer signs.
    setClock(() => new Date(Date.now() + 6 * 60 * 1000));
    try {
      expect((await signer.post(page, await signForm(c._id))).status).toBe(400);
    } finally {
      setClock(null);
    }
    // A double click signs once; the step-up is then used up.
    const form = await signForm(c._id);
    const [first, second] = await Promise.all([signer.post(page, form), signer.post(page, form)]);
    expect([pathOf(first), pathOf(second)]).toEqual([page, page]);
    // A twin that reads the session only after the first took the step-up learns "used" (and waits
    // for the signature), never "none" (which answered 400 on a busy machine).
    const { saveStepUp, takeStepUp } = await import("~/domain/identity/step-up.server");
    const { sessionToken } = await import("~/http/session.server");
    const token = await sessionToken(new Request(app.url, { headers: { cookie: signer.cookieHeader() } }));
    const identity = {
      providerId: "6b1600000000000000000001",
      issuer: idp.issuer,
      subject: "lina-steg",
      label: "BankID",
    };
    await saveStepUp(token, { ...identity, name: "", emailVerified: false, groups: [], authTime: new Date() }, "x:1");
    expect(await takeStepUp(token, "x:1")).toMatchObject({ signing: "x:1" });
    expect(await takeStepUp(token, "x:1")).toBe("used");
    const signed = await ProposalModel.findById(c._id).lean();
    const signatures = signed?.agreement?.signing?.signatures ?? [];
    expect(signatures.map((x) => [x.name, x.eid?.provider])).toEqual([[cast.member.name, "BankID (test)"]]);
    expect(signatures[0]?.eid?.authTime).toBeInstanceOf(Date);
    expect(signatures[0]?.eid?.acr).toBe(TEST_ACR);
    expect(signatures[0]?.eid?.personalNumberHash).toMatch(/^[\w-]{43}$/);
    expect(JSON.stringify(signed)).not.toContain("198505055555");
    expect(await (await signer.get(page)).text()).not.toContain("Du legitimerade dig med");
    expect((await UserModel.findById(cast.member._id).lean())?.externalIdentities.map((i) => i.subject)).toEqual([
      "lina-steg",
    ]);
  }, 90_000);
});

describe("the providers in /admin", () => {
  const valid = {
    intent: "saveProvider",
    label: "Freja (test)",
    issuer: "https://freja.example.se",
    clientId: "samverka-freja",
    clientSecret: "en-riktig-hemlighet-123",
    scopes: "openid profile email",
    audience: "organisation",
    groupsClaim: "groups",
    groupRoles: "",
    enabled: "on",
  };

  it("are kept by administrators only, with the secret write-only and hostile input refused", async () => {
    // The body's staff without the role are refused; to anyone else the page does not exist.
    for (const [email, status] of [
      [DEMO.coordinator, 403],
      [DEMO.officer, 403],
      [DEMO.politician, 403],
      [DEMO.orgAdminA, 404],
    ] as const) {
      const client = await sessionFor(app.url, email);
      expect((await client.get("/admin")).status, email).toBe(status);
      expect((await client.post("/admin", valid)).status, email).toBe(status);
    }
    const admin = await sessionFor(app.url, DEMO.admin);
    for (const [body, message] of [
      [{ ...valid, issuer: "javascript:alert(1)" }, "Skriv utfärdarens adress med https://"],
      [{ ...valid, issuer: "http://idp.example.se" }, "Skriv utfärdarens adress med https://"],
      [{ ...valid, scopes: "profile email" }, "ta med openid"],
      [{ ...valid, groupRoles: "iop = kung" }, "grupp = roll"],
      [{ ...valid, label: "x".repeat(1_000_000) }, "högst 60 tecken"],
    ] as const) {
      const res = await admin.post("/admin", body);
      expect(res.status).toBe(400);
      const page = await res.text();
      expect(page).toContain(message);
      // A refused form never sends the secret back (neither in the field nor in the page data).
      expect(page).not.toContain(valid.clientSecret);
    }
    expect((await admin.post("/admin", "intent=saveProvider&label=X&clientId[$ne]=x")).status).toBe(400);
    expect(await IdentityProviderModel.exists({ label: "Freja (test)" })).toBeNull();

    expect(pathOf(await admin.post("/admin", valid))).toBe("/admin#inloggning");
    const saved = await IdentityProviderModel.findOne({ label: "Freja (test)" }).select("+clientSecretSealed").lean();
    expect(saved?.clientSecretSealed).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(saved?.clientSecretSealed).not.toContain(valid.clientSecret);
    // Changed without a secret: the saved one stays.
    const edited = await admin.post("/admin", {
      ...valid,
      providerId: String(saved!._id),
      clientSecret: "",
      label: "Freja",
    });
    expect(pathOf(edited)).toBe("/admin#inloggning");
    const after = await IdentityProviderModel.findById(saved!._id).select("+clientSecretSealed").lean();
    expect([after?.label, after?.clientSecretSealed]).toEqual(["Freja", saved?.clientSecretSealed]);

    const page = await (await admin.get("/admin")).text();
    expect(page).toContain("Freja");
    expect(page).toContain("Sparad (visas aldrig)");
    expect(page).not.toContain(valid.clientSecret);
    expect(page).not.toContain(saved!.clientSecretSealed!);
    expect(page).toContain(`${app.url}/logga-in/retur`);

    // Removing is confirmed: the button alone, without its confirmation, removes nothing.
    expect(page).toContain("Ja, ta bort Freja");
    const unconfirmed = await admin.post("/admin", { intent: "deleteProvider", providerId: String(saved!._id) });
    expect(unconfirmed.status).toBe(400);
    expect(await IdentityProviderModel.exists({ _id: saved!._id })).not.toBeNull();
    const confirmed = { intent: "deleteProvider", providerId: String(saved!._id), confirm: "yes" };
    expect(pathOf(await admin.post("/admin", confirmed))).toBe("/admin#inloggning");
    expect(await IdentityProviderModel.exists({ _id: saved!._id })).toBeNull();
  });

  it("test-sign in from /admin and show the last errors in Swedish", async () => {
    idp.accounts.set("admintest", { name: "Test" });
    const admin = await sessionFor(app.url, DEMO.admin);
    const back = new URL(
      await signInAtProvider(await start(admin, providers.staff, "test", "/admin"), "admintest", app.url),
    );
    expect(pathOf(await admin.get(back.pathname + back.search))).toBe("/admin#inloggning");
    // A test does not change who is signed in.
    expect((await admin.get("/admin")).status).toBe(200);
    expect((await IdentityProviderModel.findById(providers.staff).lean())?.lastTest?.ok).toBe(true);

    // A failure of its own: the state tampered with.
    const client = new Client(app.url);
    const failed = new URL(await signInAtProvider(await start(client, providers.staff), "admintest", app.url));
    failed.searchParams.set("state", "fel");
    await client.get(failed.pathname + failed.search);
    const page = await (await admin.get("/admin")).text();
    expect(page).toContain("Lyckades");
    expect(page).toContain("hörde inte ihop med din inloggning");
  });
});
