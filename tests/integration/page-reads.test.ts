import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { agreementInStatus, caseInStatus, upsertOrganisation, upsertUser } from "~/domain/demo/factories.server";
import { readById, readUnchangingById } from "~/domain/kernel/by-id.server";
import { UserModel } from "#models/user";
import { CaseChangeModel } from "#models/case-change";
import { ProposalModel } from "#models/proposal";
import { touch } from "~/domain/kernel/read-markers.server";
import { pullMatching } from "~/domain/kernel/array-pull.server";
import { UNROUTED_SHOWN } from "~/domain/casework/inbox.server";
import { setClock } from "~/domain/kernel/clock";
import { startTestApp, type TestApp } from "../support/app";
import { joinOrganisation, laxhjalpenCast } from "../support/cast";
import { DEMO, sessionFor, type Client } from "../support/http";

// What a page view reads (docs/decisions/009 and 017): the signed-in person, the public body
// and the cache markers once per view whatever the loaders ask; lists from per-instance caches;
// a case version's documents and messages once per instance. Counted with the driver's command
// monitoring, as `npm run bench` does.

const BACKGROUND = ["emailoutboxes", "claims"];
let app: TestApp;
const commands: { name: string; collection: string; filter?: unknown; projection?: unknown }[] = [];
beforeAll(async () => {
  process.env.SAMVERKA_COUNT_DB_COMMANDS = "1";
  app = await startTestApp("page_reads");
  mongoose.connection.getClient().on("commandStarted", (e) => {
    const collection = String((e.command as Record<string, unknown>)[e.commandName] ?? "");
    // The background jobs (outbox, their claims) run beside the requests; they are not the page's.
    if (!BACKGROUND.includes(collection))
      commands.push({
        name: e.commandName,
        collection,
        filter: (e.command as { filter?: unknown }).filter,
        projection: (e.command as { projection?: unknown }).projection,
      });
  });
});
afterAll(async () => {
  delete process.env.SAMVERKA_COUNT_DB_COMMANDS;
  await app?.stop();
});

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const account = (name: string) => upsertUser({ email: `${unique()}@example.org`, name: `${name} ${unique()}` });
async function organisation(name: string) {
  const { publicBodyId, member } = await laxhjalpenCast();
  return upsertOrganisation({ registeredIn: publicBodyId, name, orgNumber: unique(), createdBy: member._id });
}

/** The database commands one GET sends, by collection (after a first view warmed the caches). */
async function readsOf(client: Client, path: string) {
  expect((await client.get(path)).status).toBe(200);
  commands.length = 0;
  const res = await client.get(path);
  expect(res.status).toBe(200);
  // React separates adjacent texts with empty comments.
  const html = (await res.text()).replaceAll("<!-- -->", "");
  const byCollection: Record<string, number> = {};
  for (const c of commands)
    byCollection[`${c.name} ${c.collection}`] = (byCollection[`${c.name} ${c.collection}`] ?? 0) + 1;
  return { byCollection, total: commands.length, html, commands: [...commands] };
}

describe("a page view", () => {
  it("reads the person, the public body and the markers once, and the inbox nothing more, however many cases", async () => {
    const sara = await sessionFor(app.url, DEMO.coordinator);
    const before = await readsOf(sara, "/handlaggning");
    // The root and the page both ask for the person and the public body: both are kept, so only
    // the markers are read.
    expect(before.byCollection).toEqual({ "find readmarkers": 1 });
    const cast = await laxhjalpenCast();
    for (let i = 0; i < 12; i++) await caseInStatus("submitted", cast, `Läsningar ${i}`);
    const after = await readsOf(sara, "/handlaggning");
    expect(after.byCollection).toEqual(before.byCollection);
  });

  it("reads the session and its person again after any write of a user or an ended session, and only then", async () => {
    const sara = await sessionFor(app.url, DEMO.coordinator);
    const other = await account("Annan");
    const again = { "find readmarkers": 1, "find sessions": 1, "find users": 1 };
    const viewAfter = async (change: () => Promise<unknown>) => {
      await sara.get("/handlaggning");
      await change();
      commands.length = 0;
      expect((await sara.get("/handlaggning")).status).toBe(200);
      const reads: Record<string, number> = {};
      for (const c of commands) reads[`${c.name} ${c.collection}`] = (reads[`${c.name} ${c.collection}`] ?? 0) + 1;
      return reads;
    };
    expect(await viewAfter(async () => undefined)).toEqual({ "find readmarkers": 1 });
    expect(await viewAfter(() => account("Ny"))).toEqual(again);
    expect(await viewAfter(() => UserModel.updateOne({ _id: other._id }, { $set: { locale: "en" } }))).toEqual(again);
    await UserModel.updateOne({ _id: other._id }, { $push: { externalIdentities: { issuer: "i", subject: "s" } } });
    expect(await viewAfter(() => pullMatching(UserModel, other._id, "externalIdentities", () => true))).toEqual(again);
    const otherSession = await sessionFor(app.url, DEMO.politician);
    expect(await viewAfter(() => otherSession.post("/logga-ut", {}))).toEqual(again);
    // A session's own idle time and step-up are kept with it; nothing else to read.
    expect(await viewAfter(async () => undefined)).toEqual({ "find readmarkers": 1 });
    // A change whose marker was lost (written past the hooks, as by a crash before the marker):
    // kept for at most a minute, then read again.
    const start = Date.now();
    try {
      const lost = () => UserModel.collection.updateOne({ _id: other._id }, { $set: { locale: "sv" } });
      expect(await viewAfter(lost)).toEqual({ "find readmarkers": 1 });
      // (A minute on, the session's idle time is extended too: its one write.)
      expect(await viewAfter(async () => setClock(() => new Date(start + 61_000)))).toEqual({
        ...again,
        "update sessions": 1,
      });
    } finally {
      setClock(null);
    }
  });

  it("reads a case version's documents and messages once, and a new message as soon as it is written", async () => {
    const cast = await laxhjalpenCast();
    const c = await caseInStatus("in_dialogue", cast, "Läsningar: dialog");
    const hans = await sessionFor(app.url, DEMO.officer);
    const page = `/handlaggning/arenden/${String(c._id)}`;
    const first = await readsOf(hans, page);
    for (const collection of ["casedocuments", "casemessages", "caseevents", "documents", "organisations"]) {
      expect(first.byCollection[`find ${collection}`] ?? 0, collection).toBe(0);
    }
    // Nothing changed since the last view: the instance's copy of the case (decision 034).
    expect(first.byCollection["find proposals"] ?? 0).toBe(0);
    const lina = await sessionFor(app.url, DEMO.orgAdminB);
    const sent = await lina.post(`/forslag/${String(c._id)}`, {
      intent: "message",
      body: "Ett nytt meddelande om lokalen",
    });
    expect(sent.status).toBe(302);
    commands.length = 0;
    expect(await (await hans.get(page)).text()).toContain("Ett nytt meddelande om lokalen");
    // The change replaced the case's row in the kept list: this case is read again, once, by
    // `_id` and body (decision 037): for the list, and for the page.
    const byIdAndBody = { _id: c._id, publicBodyId: c.publicBodyId };
    expect(commands.filter((x) => x.collection === "proposals").map((x) => x.filter)).toEqual([
      byIdAndBody,
      byIdAndBody,
    ]);
  });

  it("gives a politician's start page figures that follow each new case", async () => {
    const anna = await sessionFor(app.url, DEMO.politician);
    const total = async () => {
      const { html } = await readsOf(anna, "/mina-sidor");
      // formatNumber groups thousands with a no-break space.
      return Number(/Registrerade ärenden<\/dt><dd>([\d\s\u00a0]+)<\/dd>/.exec(html)?.[1]?.replace(/\D/g, ""));
    };
    const before = await total();
    expect(before).toBeGreaterThan(0);
    await caseInStatus("submitted", await laxhjalpenCast(), "Läsningar: för politikern");
    expect(await total()).toBe(before + 1);
  });

  it("shows the oldest cases to route and links to all of them", async () => {
    const cast = await laxhjalpenCast();
    for (let i = 0; i < UNROUTED_SHOWN + 1; i++) await caseInStatus("submitted", cast, `Att fördela ${i}`);
    const { html } = await readsOf(await sessionFor(app.url, DEMO.coordinator), "/handlaggning");
    const section = html.slice(html.indexOf('id="unrouted-heading"'), html.indexOf('id="all-heading"'));
    const total = Number(/Att fördela \((\d+)\)/.exec(section)?.[1]);
    expect(total).toBeGreaterThan(UNROUTED_SHOWN);
    expect(section.match(/href="\/handlaggning\/arenden\//g)).toHaveLength(UNROUTED_SHOWN);
    expect(section).toContain(`Visa alla ${total} som väntar på fördelning, äldst först`);
    expect(section).toContain('href="/handlaggning?status=submitted&amp;sort=oldest#all-heading"');
  });

  it("keeps the office's lists per case list, and still tells quiet cases by today's date", async () => {
    const cast = await laxhjalpenCast();
    const tag = `Stilla ${Date.now().toString(36)}`;
    const DAY = 24 * 60 * 60 * 1000;
    // Two years back, so that these are the oldest activity of all (the list shows the oldest).
    const start = Date.now() - 730 * DAY;
    const at = (days: number) => setClock(() => new Date(start + days * DAY));
    const sara = await sessionFor(app.url, DEMO.coordinator);
    const section = async () => {
      const html = (await (await sara.get("/mina-sidor")).text()).replaceAll("<!-- -->", "");
      const from = html.indexOf('id="quiet-heading"');
      return html.slice(from, html.indexOf("</section>", from));
    };
    try {
      at(0);
      const quiet = [];
      for (const n of [1, 2, 3]) quiet.push(await caseInStatus("in_dialogue", cast, `${tag} ${n}`));
      at(1);
      expect(await section()).not.toContain(tag);
      // Thirty days on, with nothing new: the same case list, and all three have gone quiet.
      at(30);
      let list = await section();
      for (const c of quiet) expect(list).toContain(`${c.title}</a>`);
      expect(list).toContain("30 dagar");
      // A case with activity then is not quiet, and the three still are (a new case list).
      const fresh = await caseInStatus("in_dialogue", cast, `${tag} ny`);
      list = await section();
      expect(list).not.toContain(fresh.title);
      for (const c of quiet) expect(list).toContain(`${c.title}</a>`);
    } finally {
      setClock(null);
    }
  });

  it("reads an organisation's members and invitations by _id, however many accounts and invitations there are", async () => {
    const cast = await laxhjalpenCast();
    const page = `/organisation/${String(cast.organisation._id)}`;
    const lina = await sessionFor(app.url, DEMO.orgAdminB);
    const invite = (email: string) => lina.post(page, { intent: "invite", email, role: "org_member" });
    expect((await invite(`inbjuden-${Date.now()}@example.org`)).status).toBe(302);
    const sara = await sessionFor(app.url, DEMO.coordinator);
    for (const [client, who] of [
      [sara, "staff"],
      [lina, "the organisation's administrator"],
    ] as const) {
      const before = await readsOf(client, page);
      // Every read of accounts or invitations names its documents by _id (no scan on FerretDB).
      for (const c of before.commands.filter((c) => c.collection === "users" || c.collection === "tokens"))
        expect(Object.keys(c.filter as object), `${who}: ${c.collection}`).toEqual(["_id"]);
      // More accounts in another organisation and more invitations: the same commands.
      const other = await organisation(`Läsningar ${who} ${Date.now()}`);
      for (let i = 0; i < 5; i++) await joinOrganisation((await account(`${who}-${i}`))._id, other);
      const after = await readsOf(client, page);
      expect(after.byCollection, who).toEqual(before.byCollection);
    }
    // Someone invited and someone who joins show at once, by name and address.
    const email = `ny-${Date.now()}@example.org`;
    await invite(email);
    expect((await readsOf(lina, page)).html).toContain(email);
    const joiner = await account("ny medlem");
    await joinOrganisation(joiner._id, cast.organisation);
    expect((await readsOf(lina, page)).html).toContain(joiner.name);
  });

  it("reads nothing but the markers for a signed agreement's page: the case, its versions and its settled last change are kept", async () => {
    const cast = await laxhjalpenCast();
    const c = await agreementInStatus(cast, "Läsningar: avtal", true);
    const hans = await sessionFor(app.url, DEMO.officer);
    const page = `/handlaggning/arenden/${String(c._id)}/avtal`;
    const { byCollection, html } = await readsOf(hans, page);
    expect(byCollection).toEqual({ "find readmarkers": 1 });
    expect(html).toContain("Version 1");
  });
});

describe("a read by _id", () => {
  it("leaves out what the schema hides unless asked for it, and finds nothing for a malformed id", async () => {
    const user = await UserModel.create({ email: `${unique()}@example.org`, name: "Dold", passwordHash: "hemlig" });
    const plain = await readById<Record<string, unknown>>(UserModel, String(user._id));
    expect(plain?.email).toBe(user.email);
    expect(plain).not.toHaveProperty("passwordHash");
    expect(await readById(UserModel, user._id, "+passwordHash email")).toEqual({
      _id: user._id,
      email: user.email,
      passwordHash: "hemlig",
    });
    expect(await readById(UserModel, "inte-ett-id")).toBeNull();
  });

  it("keeps a document that never changes once found, and does not keep a miss", async () => {
    const id = new mongoose.Types.ObjectId();
    expect(await readUnchangingById(UserModel, id)).toBeNull();
    await UserModel.create({ _id: id, email: `${unique()}@example.org`, name: "Först" });
    expect(await readUnchangingById(UserModel, id)).toMatchObject({ name: "Först" });
    await UserModel.updateOne({ _id: id }, { $set: { name: "Sedan" } });
    // Kept: only documents that are never changed are read this way.
    expect(await readUnchangingById(UserModel, id)).toMatchObject({ name: "Först" });
    expect(await readById(UserModel, id)).toMatchObject({ name: "Sedan" });
  });
});

describe("the kept case list (decision 030)", () => {
  const proposalReads = () => commands.filter((c) => c.name === "find" && c.collection === "proposals");
  /** The check of every case's version (decision 036): three small fields of each. */
  const versionCheck = (c: { projection?: unknown }) =>
    JSON.stringify(c.projection) === '{"publicBodyId":1,"version":1,"updatedAt":1}';
  const whole = () =>
    proposalReads().filter((c) => !(c.filter as { _id?: unknown } | undefined)?._id && !versionCheck(c));

  it("reads only the changed case after a change, never every case", async () => {
    const sara = await sessionFor(app.url, DEMO.coordinator);
    await readsOf(sara, "/handlaggning");
    const c = await caseInStatus("submitted", await laxhjalpenCast(), "Ändrat ärende läses för sig");
    commands.length = 0;
    const inbox = await sara.get("/handlaggning");
    expect((await inbox.text()).replaceAll("<!-- -->", "")).toContain("Ändrat ärende läses för sig");
    // Created, saved, submitted and numbered: four changes of one case, read once by its `_id`.
    expect(proposalReads().map((r) => String((r.filter as { _id: unknown })._id))).toEqual([String(c._id)]);
    expect(whole()).toEqual([]);
  });

  it("reads the whole list once however many views ask for it at the same moment", async () => {
    const sara = await sessionFor(app.url, DEMO.coordinator);
    await touch("cases");
    commands.length = 0;
    const answers = await Promise.all(Array.from({ length: 6 }, () => sara.get("/handlaggning")));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(whole()).toHaveLength(1);
  });

  it("heals a change whose note was lost within ten minutes, by comparing versions, not by reading every case", async () => {
    const sara = await sessionFor(app.url, DEMO.coordinator);
    const c = await caseInStatus("submitted", await laxhjalpenCast(), "Före en förlorad notering");
    await readsOf(sara, "/handlaggning");
    // A write whose note was lost: the process stopped between the case's write and its note.
    await ProposalModel.updateOne({ _id: c._id }, { $set: { title: "Efter en förlorad notering" } });
    const inbox = async () => (await (await sara.get("/handlaggning")).text()).replaceAll("<!-- -->", "");
    expect(await inbox()).toContain("Före en förlorad notering");
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 10 * 60_000 + 1_000 });
    try {
      commands.length = 0;
      // Four views at the same moment: one check for all of them (single flight).
      for (const html of await Promise.all([1, 2, 3, 4].map(() => inbox())))
        expect(html).toContain("Efter en förlorad notering");
      // Every case's version once, then the one that differs by `_id` and body; never all whole.
      expect(proposalReads().filter(versionCheck)).toHaveLength(1);
      expect(proposalReads().flatMap((r) => ((r.filter as { _id?: unknown })._id ? [r.filter] : []))).toEqual([
        { _id: c._id, publicBodyId: c.publicBodyId },
      ]);
      expect(whole()).toEqual([]);
      // Checked: the next view within ten minutes compares nothing.
      commands.length = 0;
      await inbox();
      expect(proposalReads()).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("reads the whole list again when the changes it missed were removed", async () => {
    const sara = await sessionFor(app.url, DEMO.coordinator);
    await readsOf(sara, "/handlaggning");
    // An instance asleep past the log's day: what it missed is gone; a newer change is there.
    await CaseChangeModel.deleteMany({});
    await caseInStatus("submitted", await laxhjalpenCast(), "Efter en lång sömn");
    await CaseChangeModel.deleteOne({ _id: (await CaseChangeModel.findOne().sort({ _id: 1 }).lean())!._id });
    commands.length = 0;
    const inbox = await sara.get("/handlaggning");
    expect((await inbox.text()).replaceAll("<!-- -->", "")).toContain("Efter en lång sömn");
    expect(whole()).toHaveLength(1);
  });
});

describe("the case change log", () => {
  it("numbers twenty changes noted at once without a gap or a number given twice", async () => {
    const { caseChanged } = await import("~/domain/cases/read-model.server");
    const c = await caseInStatus("draft", await laxhjalpenCast(), "Tjugo ändringar på en gång");
    const before = (await CaseChangeModel.findOne().sort({ _id: -1 }).lean())?._id ?? 0;
    await Promise.all(Array.from({ length: 20 }, () => caseChanged(c)));
    const noted = await CaseChangeModel.find({ _id: { $gt: before } }).lean();
    expect(noted.map((n) => n._id).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => before + 1 + i));
  });
});
