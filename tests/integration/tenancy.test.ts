import jsonld from "jsonld";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseInStatus, upsertUser } from "~/domain/demo/factories.server";
import { UserModel } from "#models/user";
import { DepartmentModel } from "#models/department";
import { PublicBodyModel } from "#models/public-body";
import { seedNeighbour } from "~/domain/demo/seed.server";
import { touch } from "~/domain/kernel/read-markers.server";
import { startTestApp, type TestApp } from "../support/app";
import { grannbyCast, laxhjalpenCast } from "../support/cast";
import { DEMO, sessionFor } from "../support/http";
import { linkIn, recipients } from "../support/smtp";
import { sendTo } from "../support/hosts";

// One installation, many public bodies (decision 028): the host says which body a request is
// for; the bare APP_HOST is the front door; any other host is nobody's.
const APP_HOST = "samverka.test";
let app: TestApp;
let port: string;

beforeAll(async () => {
  process.env.APP_HOST = APP_HOST;
  app = await startTestApp("tenancy");
  port = new URL(app.url).port;
  await seedNeighbour();
});
afterAll(async () => {
  delete process.env.APP_HOST;
  await app?.stop();
});

const send = (
  method: "GET" | "POST",
  path: string,
  host: string,
  options: { cookie?: string; form?: Record<string, string> } = {},
) => sendTo(port, method, path, host, options);
const get = (path: string, host: string, cookie?: string) => send("GET", path, host, cookie ? { cookie } : {});

const brand = (html: string) => html.match(/<span class="brand__body">([^<]*)<\/span>/)?.[1] ?? null;

describe("the host of a request", () => {
  it("serves each public body at its own host", async () => {
    const home = await get("/", `exempelkommun.${APP_HOST}`);
    expect([home.status, brand(home.body)]).toEqual([200, "Exempelkommun"]);
    const neighbour = await get("/", `grannby.${APP_HOST}`);
    expect([neighbour.status, brand(neighbour.body)]).toEqual([200, "Grannby kommun"]);
    expect(neighbour.body).toContain("Kommunhuset, Torget 2, 456 78 Grannby");
    expect(neighbour.body).not.toContain("Stadshuset, Storgatan 1");
  });

  it("makes the bare host the front door, listing every body with a link to its own address", async () => {
    const door = await get("/", APP_HOST);
    expect(door.status).toBe(200);
    expect(brand(door.body)).toBeNull();
    expect(door.body).toContain("Kommuner och regioner som använder Samverka");
    expect(door.body).toContain(`<a href="http://exempelkommun.${APP_HOST}">Exempelkommun</a>`);
    expect(door.body).toContain(`<a href="http://grannby.${APP_HOST}">Grannby kommun</a>`);
    // A body's pages are not at the front door.
    // (`/logga-in` is there, for the installation's administrators: installation.test.ts.)
    for (const path of [
      "/registrera",
      "/glomt-losenord",
      "/oversikt",
      "/handlaggning",
      "/mina-sidor",
      "/konto",
      "/om-iop",
      "/tillganglighet",
      "/integritet",
    ]) {
      expect((await get(path, APP_HOST)).status, path).toBe(404);
    }
  });

  it("answers 404 to a host that is no body's, whatever its name looks like", async () => {
    for (const host of ["evil.example", `grannby.${APP_HOST}.evil.example`, `x.grannby.${APP_HOST}`]) {
      const res = await get("/", host);
      expect(res.status, host).toBe(404);
      expect(res.body, host).toContain("Sidan finns inte");
    }
  });

  it("gives a role in one body nothing in another", async () => {
    const c = await caseInStatus("submitted", await laxhjalpenCast(), "Kommungränsen");
    const greta = (await sessionFor(app.url, "samordnare@grannby.example")).cookieHeader();
    const sara = (await sessionFor(app.url, DEMO.coordinator)).cookieHeader();
    const casePage = `/handlaggning/arenden/${String(c._id)}`;
    expect((await get(casePage, `exempelkommun.${APP_HOST}`, sara)).status).toBe(200);
    // Grannby's coordinator, signed in, at Exempelkommun's host: neither the case nor the inbox.
    expect((await get(casePage, `exempelkommun.${APP_HOST}`, greta)).status).toBe(404);
    expect((await get("/handlaggning", `exempelkommun.${APP_HOST}`, greta)).status).toBe(404);
    // And at Grannby's own host the case is not there either.
    expect((await get(casePage, `grannby.${APP_HOST}`, greta)).status).toBe(404);
    expect((await get(casePage, `grannby.${APP_HOST}`, sara)).status).toBe(404);
    const inbox = await get("/handlaggning", `grannby.${APP_HOST}`, greta);
    expect(inbox.status).toBe(200);
    expect(inbox.body).not.toContain("Kommungränsen");
  });

  it("puts the body's own address and name in its mails, and a forged host reaches no body", async () => {
    const register = (host: string, email: string) =>
      send("POST", "/registrera", host, {
        form: { name: "Ny i Grannby", email, password: "ett långt lösenord", confirmPassword: "ett långt lösenord" },
      });
    const email = `ny.${Date.now()}@forening.example`;
    expect((await register(`grannby.${APP_HOST}`, email)).status).toBe(302);
    const mail = await app.smtp.waitFor((m) => recipients(m).includes(email));
    expect(linkIn(mail, "/verifiera-epost")).toMatch(
      new RegExp(`^http://grannby\\.${APP_HOST.replace(".", "\\.")}/verifiera-epost\\?token=`),
    );
    expect(mail.text).not.toContain("Exempelkommun");
    // The sender block: Grannby's office, its contact and its address.
    expect(mail.text).toContain("Civilsamhällskontoret, Grannby kommun");
    expect(mail.text).toContain("civilsamhalle@grannby.se · 020-987 65 00");
    expect(mail.html).toContain(`href="http://grannby.${APP_HOST}"`);
    // Every link in it leads to Grannby's address (or writes to Grannby's office).
    const links = (m: { text?: string }) => (m.text ?? "").match(/(https?:\/\/|mailto:)[^\s\]]+/g) ?? [];
    expect(links(mail).length).toBeGreaterThan(1);
    for (const href of links(mail))
      expect(href).toMatch(
        /^(http:\/\/grannby\.samverka\.test\/|http:\/\/grannby\.samverka\.test$|mailto:civilsamhalle@grannby\.se)/,
      );
    // A case's mail from Grannby too: the receipt to the organisation.
    const c = await caseInStatus("submitted", await grannbyCast(), "Kvitto från Grannby");
    const receipt = await app.smtp.waitFor(
      (m) => (m.subject ?? "").includes(c.caseNumber ?? "?") && m.text?.includes("Kvitto från Grannby") === true,
    );
    expect(receipt.text).toContain("civilsamhalle@grannby.se · 020-987 65 00");
    for (const href of links(receipt))
      expect(href).toMatch(/^(http:\/\/grannby\.samverka\.test(\/|$)|mailto:civilsamhalle@grannby\.se)/);
    const forged = `forged.${Date.now()}@forening.example`;
    expect((await register("evil.example", forged)).status).toBe(404);
    expect((await register(`grannby.${APP_HOST}.evil.example`, forged)).status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(app.smtp.messages.filter((m) => recipients(m).includes(forged))).toEqual([]);
  });

  it("lists every body's agreements in the national register at the front door, each body's alone at its host", async () => {
    const ours = await caseInStatus("approved", await laxhjalpenCast(), "Läxhjälp i Exempelkommun");
    const theirs = await caseInStatus("approved", await grannbyCast(), "Odling i Grannby");
    const national = await get("/register", APP_HOST);
    expect(national.status).toBe(200);
    expect(national.body).toContain("Register över IOP-avtal i alla kommuner och regioner");
    expect(national.body).toContain(
      `<a href="http://grannby.${APP_HOST}/register/${String(theirs._id)}">Odling i Grannby</a>`,
    );
    expect(national.body).toContain(
      `<a href="http://exempelkommun.${APP_HOST}/register/${String(ours._id)}">Läxhjälp i Exempelkommun</a>`,
    );
    // A filter no form makes is ignored, never an error or an echo.
    for (const hostile of ["body=%3Cscript%3E", "body%5B%24ne%5D=x", `body=${"a".repeat(2_000)}`]) {
      const res = await get(`/register?${hostile}`, APP_HOST);
      expect(res.status, hostile.slice(0, 30)).toBe(200);
      expect(res.body).toContain("Odling i Grannby");
      expect(res.body).not.toContain("<script>");
    }
    const onlyGrannby = await get("/register?body=grannby", APP_HOST);
    expect(onlyGrannby.body).toContain("Odling i Grannby");
    expect(onlyGrannby.body).not.toContain("Läxhjälp i Exempelkommun");
    // By county (län): Grannby lies in Uppsala län, Exempelkommun in Stockholms län.
    const uppsala = await get("/register?county=03", APP_HOST);
    expect([uppsala.body.includes("Odling i Grannby"), uppsala.body.includes("Läxhjälp i Exempelkommun")]).toEqual([
      true,
      false,
    ]);
    expect(uppsala.body).toContain('<option value="03" selected="">Uppsala län</option>');
    const stockholm = await get("/register?county=01", APP_HOST);
    expect([stockholm.body.includes("Odling i Grannby"), stockholm.body.includes("Läxhjälp i Exempelkommun")]).toEqual([
      false,
      true,
    ]);
    for (const hostile of ["county=99", "county%5B%24ne%5D=01", "county=<script>"]) {
      const res = await get(`/register?${hostile}`, APP_HOST);
      expect([res.status, res.body.includes("Odling i Grannby"), res.body.includes("<script>")]).toEqual([
        200,
        true,
        false,
      ]);
    }
    const grannby = await get("/register", `grannby.${APP_HOST}`);
    expect(grannby.body).toContain("Odling i Grannby");
    expect(grannby.body).not.toContain("Läxhjälp i Exempelkommun");
    const exempel = await get("/register", `exempelkommun.${APP_HOST}`);
    expect(exempel.body).toContain("Läxhjälp i Exempelkommun");
    expect(exempel.body).not.toContain("Odling i Grannby");
  });

  it("describes at the front door the national dataset and each body's, each with its publisher", async () => {
    const door = await get("/oppna-data/katalog.jsonld", APP_HOST);
    expect(door.status).toBe(200);
    type Dataset = {
      "@id": string;
      "dct:publisher": { "foaf:name": { "@value": string }; "dct:type": { "@id": string } };
    };
    const datasets = (JSON.parse(door.body) as { "dcat:dataset": Dataset[] })["dcat:dataset"];
    const adms = "http://purl.org/adms/publishertype/";
    expect(
      datasets.map((d) => [d["@id"], d["dct:publisher"]["foaf:name"]["@value"], d["dct:publisher"]["dct:type"]["@id"]]),
    ).toEqual([
      [`http://${APP_HOST}/oppna-data#avtal`, "Samverka", `${adms}LocalAuthority`],
      [`http://exempelkommun.${APP_HOST}/oppna-data#avtal`, "Exempelkommun", `${adms}LocalAuthority`],
      [`http://grannby.${APP_HOST}/oppna-data#avtal`, "Grannby kommun", `${adms}LocalAuthority`],
    ]);
    // It is JSON-LD that expands, and a body's own catalogue still holds its one dataset.
    expect(JSON.stringify(await jsonld.expand(JSON.parse(door.body) as object))).toContain(
      "http://www.w3.org/ns/dcat#Dataset",
    );
    const own = JSON.parse((await get("/oppna-data/katalog.jsonld", `grannby.${APP_HOST}`)).body) as {
      "dcat:dataset": Dataset;
    };
    expect(own["dcat:dataset"]["@id"]).toBe(`http://grannby.${APP_HOST}/oppna-data#avtal`);
  });

  it("gives the front door's open data every body's agreements, each row naming its body, and each host its own", async () => {
    const theirs = await caseInStatus("approved", await grannbyCast(), "Öppna data i Grannby");
    const ours = await caseInStatus("approved", await laxhjalpenCast(), "Öppna data i Exempelkommun");
    const rows = (json: string) => JSON.parse(json) as { title: string; url: string; publicBodyName: string }[];
    const national = await get("/oppna-data/avtal.json", APP_HOST);
    expect(national.status).toBe(200);
    const all = rows(national.body);
    expect(all.find((r) => r.title === "Öppna data i Grannby")).toMatchObject({
      url: `http://grannby.${APP_HOST}/register/${String(theirs._id)}`,
      publicBodyName: "Grannby kommun",
      publicBodyOrganisationNumber: "212000-9994",
    });
    expect(all.find((r) => r.title === "Öppna data i Exempelkommun")).toMatchObject({
      url: `http://exempelkommun.${APP_HOST}/register/${String(ours._id)}`,
      publicBodyName: "Exempelkommun",
    });
    const csv = await get("/oppna-data/avtal.csv", APP_HOST);
    expect(csv.body.split("\n")[0]).toContain(",publicBodyName,publicBodyOrganisationNumber");
    expect(csv.body).toContain("Öppna data i Grannby");
    const grannby = rows((await get("/oppna-data/avtal.json", `grannby.${APP_HOST}`)).body);
    expect(new Set(grannby.map((r) => r.publicBodyName))).toEqual(new Set(["Grannby kommun"]));
    const exempel = rows((await get("/oppna-data/avtal.json", `exempelkommun.${APP_HOST}`)).body);
    expect(new Set(exempel.map((r) => r.publicBodyName))).toEqual(new Set(["Exempelkommun"]));
  });

  it("signs in once for every body under the installation's host, but not on a body's own host elsewhere", async () => {
    const signIn = (host: string) =>
      send("POST", "/logga-in", host, {
        form: { email: "samordnare@grannby.example", password: "samverka-demo-2026", redirectTo: "/mina-sidor" },
      });
    const signedIn = await signIn(`grannby.${APP_HOST}`);
    expect([signedIn.status, signedIn.location]).toEqual([302, "/mina-sidor"]);
    expect(signedIn.cookie).toMatch(new RegExp(`^__session=[^;]+;.*Domain=${APP_HOST.replace(".", "\\.")}`, "i"));
    const session = signedIn.cookie!.split(";")[0]!;
    // The same cookie, as the browser sends it to a sibling host: the same person.
    const elsewhere = await get("/konto", `exempelkommun.${APP_HOST}`, session);
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body).toContain("Greta Samordnare");
    // A body's own host outside the installation's: the cookie stays with that host.
    await PublicBodyModel.updateOne({ slug: "grannby" }, { $set: { hosts: ["samverka.grannby.test"] } });
    await touch("settings");
    try {
      const own = await signIn("samverka.grannby.test");
      expect(own.status).toBe(302);
      expect(own.cookie).not.toMatch(/Domain=/i);
    } finally {
      await PublicBodyModel.updateOne({ slug: "grannby" }, { $set: { hosts: [] } });
      await touch("settings");
    }
  });

  it("shows IOP in figures for every body at the front door, and each body's own at its host, as its open data counts them", async () => {
    await caseInStatus("approved", await grannbyCast(), "Siffror i Grannby");
    const national = await get("/statistik", APP_HOST);
    expect(national.status).toBe(200);
    expect(national.body).toContain("IOP i alla kommuner och regioner, i siffror");
    expect(national.body).toContain(`<a href="http://grannby.${APP_HOST}/register">Grannby kommun</a>`);
    expect(national.body).toContain(`<a href="http://exempelkommun.${APP_HOST}/register">Exempelkommun</a>`);
    const own = await get("/statistik", `grannby.${APP_HOST}`);
    expect(own.body).not.toContain("Per kommun och region");
    const rows = JSON.parse((await get("/oppna-data/avtal.json", `grannby.${APP_HOST}`)).body) as { status: string }[];
    const granted = rows.filter((r) => r.status === "approved" || r.status === "active").length;
    expect(granted).toBeGreaterThan(0);
    expect(own.body).toMatch(new RegExp(`<dt>Beviljade och gällande</dt><dd>${granted}</dd>`));
  });

  it("shows a person with work in another body where that is, and not as a newcomer", async () => {
    const greta = (await sessionFor(app.url, "samordnare@grannby.example")).cookieHeader();
    const atExempel = await get("/mina-sidor", `exempelkommun.${APP_HOST}`, greta);
    expect(atExempel.status).toBe(200);
    expect(atExempel.body).toContain("Ditt arbete hos andra kommuner och regioner");
    expect(atExempel.body).toContain("Din roll: Samordnare");
    expect(atExempel.body).toContain(
      `<a href="http://grannby.${APP_HOST}/mina-sidor">Till Mina sidor hos Grannby kommun</a>`,
    );
    // No roles here: nothing of this body's to show first.
    expect(atExempel.body).not.toContain("Du arbetar hos flera kommuner eller regioner");
    // Staff cannot register an organisation: no invitation to do so.
    expect(atExempel.body).not.toContain('href="/organisation/ny"');
    // Nor does the menu here offer her Grannby's pages (they answer 404 here).
    expect(atExempel.body).not.toContain('href="/handlaggning"');
    expect(atExempel.body).not.toContain('href="/oversikt"');
    const atHome = await get("/mina-sidor", `grannby.${APP_HOST}`, greta);
    expect(atHome.body).toContain('href="/handlaggning"');
    expect(atHome.body).toContain('href="/oversikt"');
    expect(atHome.body).not.toContain("Ditt arbete hos andra kommuner och regioner");
    const sara = (await sessionFor(app.url, DEMO.coordinator)).cookieHeader();
    expect((await get("/mina-sidor", `exempelkommun.${APP_HOST}`, sara)).body).not.toContain(
      "Ditt arbete hos andra kommuner och regioner",
    );
  });

  it("groups a staff member's work by body: this body's first, then each other body's, linked at its own address", async () => {
    // A regional officer: coordinator at Exempelkommun, officer at Grannby.
    const grannby = await grannbyCast();
    const exempel = await laxhjalpenCast();
    const email = `rut-${Date.now().toString(36)}@example.org`;
    const created = await upsertUser({
      email,
      name: "Rut Regional",
      password: DEMO.password,
      staff: { publicBodyId: exempel.publicBodyId, role: "coordinator" },
    });
    // An officer of Grannby's culture department, where only her cases are.
    const culture = await DepartmentModel.findOne({ publicBodyId: grannby.publicBodyId, slug: "kultur-fritid" }).lean();
    const atGrannby = { publicBodyId: grannby.publicBodyId, role: "officer", departmentIds: [culture!._id] };
    await UserModel.updateOne({ _id: created._id }, { $push: { staffMemberships: atGrannby } });
    const rut = (await UserModel.findById(created._id).lean())!;
    const cases = await Promise.all(
      ["Regionens första", "Regionens andra"].map((title) =>
        caseInStatus("in_dialogue", { ...grannby, officer: rut, departmentId: culture!._id }, title),
      ),
    );
    const cookie = (await sessionFor(app.url, email)).cookieHeader();

    const atExempel = (await get("/mina-sidor", `exempelkommun.${APP_HOST}`, cookie)).body;
    expect(atExempel).toContain(
      "Du arbetar hos flera kommuner eller regioner. Först visas det som väntar hos Exempelkommun",
    );
    // Exempelkommun's own office sections under its name, then Grannby's group.
    expect(atExempel).toContain('<h2 id="this-body-heading">Exempelkommun</h2>');
    expect(atExempel).toMatch(/<h3 id="to-route-heading">/);
    expect(atExempel.indexOf('id="this-body-heading"')).toBeLessThan(atExempel.indexOf('id="to-route-heading"'));
    const group = atExempel.slice(atExempel.indexOf('id="work-elsewhere-heading"'));
    expect(atExempel.indexOf('id="to-route-heading"')).toBeLessThan(atExempel.indexOf('id="work-elsewhere-heading"'));
    expect(group).toContain(">Grannby kommun</h3>");
    expect(group).toContain("Din roll: Handläggare");
    expect(group).toContain(
      `<a href="http://grannby.${APP_HOST}/handlaggning?officer=${String(rut._id)}">Dina ärenden (2)</a>`,
    );
    // Her cases are the organisation's turn: nothing waits for her there.
    expect(group).not.toContain("väntar på dig");
    expect(group).not.toContain(">Exempelkommun</h3>");

    // At Grannby's address the other way round: her cases here, Exempelkommun's office work below.
    const atHome = (await get("/mina-sidor", `grannby.${APP_HOST}`, cookie)).body;
    expect(atHome).toContain("Först visas det som väntar hos Grannby kommun");
    expect(atHome).toContain('<h2 id="this-body-heading">Grannby kommun</h2>');
    const other = atHome.slice(atHome.indexOf('id="work-elsewhere-heading"'));
    expect(other).toContain(">Exempelkommun</h3>");
    expect(other).toContain("Din roll: Samordnare");
    expect(other).toContain(
      `<a href="http://exempelkommun.${APP_HOST}/mina-sidor">Till Mina sidor hos Exempelkommun</a>`,
    );
    expect(other).not.toContain("Regionens första");
    // Her cases are Grannby's own sections here, each on this address.
    for (const c of cases) expect(atHome).toContain(`href="/handlaggning/arenden/${String(c._id)}"`);
  });
});
