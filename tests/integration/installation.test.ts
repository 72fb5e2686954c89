import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PublicBodyModel } from "#models/public-body";
import { UserModel } from "#models/user";
import { caseInStatus, upsertUser } from "~/domain/demo/factories.server";
import { seedNeighbour } from "~/domain/demo/seed.server";
import { startTestApp, type TestApp } from "../support/app";
import { grannbyCast } from "../support/cast";
import { sendTo } from "../support/hosts";
import { DEMO, sessionFor } from "../support/http";
import { linkIn, recipients } from "../support/smtp";
import { codeFor, enrolSecondFactor, secretOn } from "../support/second-factor";

// The installation administrator (decision 031): adds a body, pauses one, sees each body's
// health in figures; nobody else finds the console.
const APP_HOST = "samverka.test";
const OPERATOR = "drift@samverka.example";
let app: TestApp;
let port: string;
const cookies: Record<string, string> = {};
let secret = "";
/** When the operator's app was connected: that step's code is used. */
let enrolledAt = 0;

beforeAll(async () => {
  process.env.APP_HOST = APP_HOST;
  process.env.INSTALLATION_ADMINS = `annan@samverka.example, ${OPERATOR.toUpperCase()}`;
  app = await startTestApp("installation");
  port = new URL(app.url).port;
  await seedNeighbour();
  await upsertUser({ email: OPERATOR, name: "Olga Drift", password: "ett långt lösenord" });
  for (const [who, email] of Object.entries({
    operator: OPERATOR,
    admin: DEMO.admin,
    coordinator: DEMO.coordinator,
    member: DEMO.orgAdminA,
  }))
    cookies[who] = (await sessionFor(app.url, email)).cookieHeader();
  // The console needs the second factor in the session (decision 035): the operator connects an app.
  ({ secret, at: enrolledAt } = await enrolSecondFactor((path, form) =>
    sendTo(port, form ? "POST" : "GET", path, APP_HOST, { cookie: cookies.operator, ...(form ? { form } : {}) }),
  ));
});
afterAll(async () => {
  delete process.env.APP_HOST;
  delete process.env.INSTALLATION_ADMINS;
  await app?.stop();
});

const get = (path: string, host: string, who?: string) =>
  sendTo(port, "GET", path, host, who ? { cookie: cookies[who] } : {});
const post = (form: Record<string, string>, who = "operator", host = APP_HOST) =>
  sendTo(port, "POST", "/drift", host, { cookie: cookies[who], form });

const norrby = {
  name: "Norrby kommun",
  slug: "norrby",
  kind: "municipality",
  countyCode: "24",
  orgNumber: "212000-2452",
  hosts: "",
  officeName: "Civilsamhällskontoret",
  officeEmail: "civilsamhalle@norrby.se",
  officePhone: "090-12 34 00",
  officeAddress: "Rådhuset, 901 00 Norrby",
  adminName: "Nils Administratör",
  adminEmail: "nils@norrby.se",
};

describe("the installation's console", () => {
  it("is there for the installation's administrators only, at the front door only", async () => {
    const table: [who: string | undefined, host: string, status: number][] = [
      ["operator", APP_HOST, 200],
      ["operator", `exempelkommun.${APP_HOST}`, 404], // the console is the installation's, not a body's
      ["admin", APP_HOST, 404], // a body's administrator
      ["coordinator", APP_HOST, 404],
      ["member", APP_HOST, 404],
      [undefined, APP_HOST, 302], // signs in first
    ];
    for (const [who, host, status] of table)
      expect((await get("/drift", host, who)).status, `${who} ${host}`).toBe(status);
    expect((await get("/drift", APP_HOST)).location).toBe("/logga-in?redirectTo=%2Fdrift");
    // Its sign-in at the front door: a password only, no links to a body's account pages.
    const signIn = await get("/logga-in?redirectTo=%2Fdrift", APP_HOST);
    expect(signIn.status).toBe(200);
    expect(signIn.body).not.toContain('href="/registrera"');
    const before = await PublicBodyModel.countDocuments();
    expect((await post(norrby, "admin")).status).toBe(404);
    expect(await PublicBodyModel.countDocuments()).toBe(before);
  });

  it("adds a body that answers at its own address, and invites its first administrator from there", async () => {
    const created = await post(norrby);
    expect([created.status, created.location]).toEqual([302, "/drift?ny=norrby"]);
    const home = await get("/", `norrby.${APP_HOST}`);
    expect(home.status).toBe(200);
    expect(home.body).toContain('<span class="brand__body">Norrby kommun</span>');
    const mail = await app.smtp.waitFor((m) => recipients(m).includes("nils@norrby.se"));
    expect(linkIn(mail, "/inbjudan")).toMatch(
      new RegExp(`^http://norrby\\.${APP_HOST.replace(".", "\\.")}/inbjudan\\?token=`),
    );
    expect(mail.text).toContain("civilsamhalle@norrby.se · 090-12 34 00");
    const nils = await UserModel.findOne({ email: "nils@norrby.se" }).lean();
    const body = await PublicBodyModel.findOne({ slug: "norrby" }).lean();
    expect(nils?.staffMemberships.map((m) => [String(m.publicBodyId), m.role])).toEqual([[String(body?._id), "admin"]]);
    expect([body?.kind, body?.countyCode, body?.orgNumber]).toEqual(["municipality", "24", "212000-2452"]);
    const console = await get("/drift?ny=norrby", APP_HOST, "operator");
    expect(console.body).toContain("Norrby kommun är tillagd.");
    // The front door lists it, with its county.
    expect((await get("/", APP_HOST)).body).toContain(`<a href="http://norrby.${APP_HOST}">Norrby kommun</a>`);
  });

  it("refuses hostile or taken input with a field message and adds nothing", async () => {
    const before = await PublicBodyModel.countDocuments();
    const cases: [Record<string, string>, number, string][] = [
      [{ ...norrby, slug: "<script>" }, 400, "Skriv kortnamnet med små bokstäver"],
      [{ ...norrby, slug: "a".repeat(100) }, 400, "Skriv kortnamnet med små bokstäver"],
      [{ ...norrby, slug: "grannby" }, 409, "Det finns redan en kommun eller region med det kortnamnet"],
      [{ ...norrby, slug: "ny-kommun", hosts: "inte en adress" }, 400, "Skriv varje adress som ett värdnamn"],
      [{ ...norrby, slug: "ny-kommun", officeEmail: "x" }, 400, "Skriv en e-postadress i formatet namn@exempel.se"],
      [{ ...norrby, slug: "ny-kommun", orgNumber: "212000-2453" }, 400, "kontrollsiffran"],
      [{ ...norrby, slug: "ny-kommun", name: "x".repeat(1_000_000) }, 400, "högst 100 tecken"],
      [{ ...norrby, slug: "ny-kommun", countyCode: "99" }, 400, '<a href="#new-body-countyCode">Välj län</a>'],
    ];
    for (const [form, status, message] of cases) {
      const res = await post(form);
      expect(res.status, JSON.stringify(form).slice(0, 80)).toBe(status);
      // In the error summary, which names the field.
      const summary = res.body.match(/<div class="error-summary"[\s\S]*?<\/div>/)?.[0] ?? "";
      expect(summary, JSON.stringify(form).slice(0, 80)).toContain(message);
      expect(res.body).not.toContain("<script>");
    }
    // Operator injection in a urlencoded body: refused as malformed, nothing saved.
    const injected = await sendTo(port, "POST", "/drift", APP_HOST, {
      cookie: cookies.operator,
      form: { ...norrby, slug: "injektion", "adminEmail[$ne]": "x" },
    });
    expect(injected.status).toBe(400);
    expect(await PublicBodyModel.countDocuments()).toBe(before);
  });

  it("adds one body when the same one is sent twice at once", async () => {
    const twice = await Promise.all(
      [1, 2].map(() => post({ ...norrby, slug: "dubbelby", adminEmail: "d@dubbelby.se" })),
    );
    expect(twice.map((r) => r.status).sort()).toEqual([302, 409]);
    expect(await PublicBodyModel.countDocuments({ slug: "dubbelby" })).toBe(1);
  });

  it("pauses a body: its pages say so, the front door too; opened again, all is back", async () => {
    const c = await caseInStatus("submitted", await grannbyCast(), "Ärende i en pausad kommun");
    const console = await get("/drift", APP_HOST, "operator");
    // Health in figures, never the case itself.
    expect(console.body).not.toContain("Ärende i en pausad kommun");
    expect(console.body).toMatch(/Grannby kommun[\s\S]*?<td data-label="Registrerade ärenden"><div>[1-9]/);
    // Hostile input: a message in the error summary at the top and 400, the body still open.
    for (const [form, message] of [
      [{ reason: "x".repeat(1_000_000) }, '<a href="#pause-grannby-reason">'],
      [{ reason: "<script>alert(1)</script>".repeat(20) }, '<a href="#pause-grannby-reason">'],
      [{ paused: "kanske" }, "Det gick inte att läsa formuläret. Ladda om sidan och försök igen"],
      [{ "paused[$ne]": "x", paused: undefined }, "Det gick inte att läsa formuläret"],
    ] as const) {
      const fields = Object.entries({ intent: "pause", slug: "grannby", paused: "yes", ...form }).filter(
        (e): e is [string, string] => e[1] !== undefined,
      );
      const refused = await post(Object.fromEntries(fields));
      const summary = refused.body.match(/<div class="error-summary"[\s\S]*?<\/div>/)?.[0] ?? "";
      expect([refused.status, summary.includes(message)], JSON.stringify(form).slice(0, 40)).toEqual([400, true]);
      expect(refused.body).not.toContain("<script>alert");
    }
    expect((await get("/", `grannby.${APP_HOST}`)).status).toBe(200);
    const paused = await post({ intent: "pause", slug: "grannby", paused: "yes", reason: "Byter avtal" });
    expect([paused.status, paused.location]).toEqual([302, "/drift?pausad=grannby"]);
    const closed = await get(`/forslag/${String(c._id)}`, `grannby.${APP_HOST}`);
    expect([closed.status, closed.body.includes("Tillfälligt stängt")]).toEqual([503, true]);
    expect((await get("/", APP_HOST)).body).toContain(
      'Grannby kommun <span class="muted">Kommun, Uppsala län – tillfälligt stängd</span>',
    );
    expect((await get("/drift", APP_HOST, "operator")).body).toContain("Pausad sedan");
    // Only the installation's administrators pause; a body's own administrator cannot.
    expect((await post({ intent: "pause", slug: "grannby", paused: "no" }, "admin")).status).toBe(404);
    expect((await post({ intent: "pause", slug: "ingen-sadan", paused: "no" })).status).toBe(404);
    expect((await post({ intent: "pause", slug: "grannby", paused: "no" })).status).toBe(302);
    expect((await get("/", `grannby.${APP_HOST}`)).status).toBe(200);
  });

  it("asks its administrators for a code from their app after the password, and takes each code once", async () => {
    // A new sign-in of the operator, who connected an app before: the console waits for a code.
    const fresh = (await sessionFor(app.url, OPERATOR)).cookieHeader();
    const send = (form?: Record<string, string>) =>
      sendTo(port, form ? "POST" : "GET", form ? "/drift/tvastegsverifiering" : "/drift", APP_HOST, {
        cookie: fresh,
        ...(form ? { form } : {}),
      });
    expect((await send()).location).toBe("/drift/tvastegsverifiering");
    const ask = await sendTo(port, "GET", "/drift/tvastegsverifiering", APP_HOST, { cookie: fresh });
    expect(ask.body).toContain("Bekräfta med din kodapp");
    expect(secretOn(ask.body)).toBeNull(); // the key is shown once, at enrolment
    // Hostile and wrong input: a field message and 4xx, the session still without its factor.
    for (const [form, status, text] of [
      [{ code: "abc" }, 400, "Skriv de sex siffrorna som kodappen visar"],
      [{ code: "1".repeat(1_000_000) }, 400, "Skriv de sex siffrorna som kodappen visar"],
      [{ "code[$ne]": "" }, 400, "Skriv de sex siffrorna som kodappen visar"],
      [{ code: "<script>" }, 400, "Skriv de sex siffrorna som kodappen visar"],
      [{ code: codeFor(secret, enrolledAt) }, 400, "Koden är redan använd"], // the step enrolment took
    ] as const) {
      const refused = await send(form as Record<string, string>);
      expect([refused.status, refused.body.includes(text)], JSON.stringify(form).slice(0, 40)).toEqual([status, true]);
    }
    expect((await send()).location).toBe("/drift/tvastegsverifiering");
    // The next step's code, sent twice at once: it opens the console once.
    const next = codeFor(secret, enrolledAt + 30_000);
    const both = await Promise.all([1, 2].map(() => send({ code: next })));
    expect(both.map((r) => r.status).sort()).toEqual([302, 400]);
    expect((await send()).status).toBe(200);
    // Nobody else finds the page.
    for (const who of ["admin", "member"])
      expect((await get("/drift/tvastegsverifiering", APP_HOST, who)).status, who).toBe(404);
  });

  it("waits after five wrong codes, and connects an app only with a right one", async () => {
    await upsertUser({ email: "annan@samverka.example", name: "Anna Annan", password: "ett långt lösenord" });
    const cookie = (await sessionFor(app.url, "annan@samverka.example")).cookieHeader();
    const page = await sendTo(port, "GET", "/drift/tvastegsverifiering", APP_HOST, { cookie });
    expect(page.body).toContain("Koppla en kodapp");
    const own = secretOn(page.body)!;
    const wrong = String((Number(codeFor(own)) + 500_000) % 1_000_000).padStart(6, "0");
    const tries = [];
    for (let i = 0; i < 6; i++)
      tries.push(
        (await sendTo(port, "POST", "/drift/tvastegsverifiering", APP_HOST, { cookie, form: { code: wrong } })).status,
      );
    expect(tries).toEqual([400, 400, 400, 400, 400, 429]);
    // Still not connected: the same key is shown again, and the console stays shut.
    const again = await sendTo(port, "GET", "/drift/tvastegsverifiering", APP_HOST, { cookie });
    expect(secretOn(again.body)).toBe(own);
    expect((await sendTo(port, "GET", "/drift", APP_HOST, { cookie })).location).toBe("/drift/tvastegsverifiering");
    const stored = await UserModel.findOne({ email: "annan@samverka.example" })
      .select("+secondFactor +secondFactorPending")
      .lean();
    expect(stored?.secondFactor).toBeUndefined();
    expect(stored?.secondFactorPending).not.toContain(own); // sealed, not the key itself
  });
});
