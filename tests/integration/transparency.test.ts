import { parse } from "csv-parse/sync";
import jsonld from "jsonld";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OrganisationModel } from "#models/organisation";
import { ProposalModel } from "#models/proposal";
import { endDueAgreements, recordPayment, terminateAgreement } from "~/domain/agreements/agreements.server";
import { postMessage } from "~/domain/cases/dialogue.server";
import { loadCaseById, writeEvent, type CaseDoc } from "~/domain/cases/engine.server";
import { agreementInStatus, caseInStatus } from "~/domain/demo/factories.server";
import { updateOrganisation } from "~/domain/organisations/organisations.server";
import { setClock } from "~/domain/kernel/clock";
import { touch } from "~/domain/kernel/read-markers.server";
import { startTestApp, type TestApp } from "../support/app";
import { laxhjalpenCast } from "../support/cast";
import { DEMO, sessionFor } from "../support/http";

// The public register and the open data: exactly the approved, active and ended agreements,
// no personal data (canaries in every such field), cached with ETag/Last-Modified, and a
// DCAT-AP-SE catalogue that parses as JSON-LD.

let app: TestApp;
const CANARIES = {
  contactName: "Kanarie Kontaktsson",
  contactEmail: "kanarie.kontakt@privat.example",
  contactPhone: "070-999 88 77",
  internal: "KANARIE-INTERN-ANTECKNING",
  message: "KANARIE-MEDDELANDE",
  reference: "KANARIE-VERIFIKAT",
};
const ids: Record<string, CaseDoc> = {};

beforeAll(async () => {
  app = await startTestApp("transparency");
  const cast = await laxhjalpenCast();
  ids.active = await agreementInStatus(cast, "Register: gällande avtal", true);
  ids.approved = await caseInStatus("approved", cast, "Register: beviljat förslag");
  ids.declined = await caseInStatus("declined", cast, "Register: avslaget förslag");
  ids.dialogue = await caseInStatus("in_dialogue", cast, "Register: förslag i dialog");
  const ending = await agreementInStatus(cast, "Register: avslutat avtal", true);
  setClock(() => new Date("2027-03-01T10:00:00Z"));
  await terminateAgreement(ending, cast.member, { reason: "Verksamheten flyttar." }, ending.version);
  setClock(null);
  await endDueAgreements(new Date("2027-06-15T10:00:00Z"));
  ids.ended = (await loadCaseById(ending.publicBodyId, ending._id))!;
  // Personal data and internal notes in every field that holds them, on every case.
  for (const c of Object.values(ids)) {
    await ProposalModel.updateOne(
      { _id: c._id },
      {
        $set: {
          contactName: CANARIES.contactName,
          contactEmail: CANARIES.contactEmail,
          contactPhone: CANARIES.contactPhone,
        },
      },
    );
    const fresh = (await loadCaseById(c.publicBodyId, c._id))!;
    await postMessage(fresh, cast.officer, "officer", { body: CANARIES.internal, internal: true });
    await postMessage((await loadCaseById(c.publicBodyId, c._id))!, cast.member, "organisation", {
      body: CANARIES.message,
      internal: false,
    });
  }
  const active = (await loadCaseById(ids.active!.publicBodyId, ids.active!._id))!;
  await recordPayment(
    active,
    cast.officer,
    { paidOn: new Date("2027-01-10T00:00:00Z"), amountSek: 37_500, reference: CANARIES.reference },
    active.version,
  );
});
afterAll(async () => app?.stop());

/** What the register must hold, computed from the cases themselves. */
async function expectedCaseNumbers() {
  const all = await ProposalModel.find({
    status: { $in: ["approved", "agreement_pending_signatures", "active", "ended"] },
  })
    .select("caseNumber")
    .lean();
  return all.map((c) => c.caseNumber).sort();
}

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${app.url}${path}`, { headers });

function expectNoPersonalData(text: string, where: string) {
  for (const canary of [...Object.values(CANARIES), "Hans Handläggare", "Lina Verksamhetschef"]) {
    expect(text.includes(canary), `${where} shows ${canary}`).toBe(false);
  }
  // The only email address on a public page is the civil-society office's (in the footer).
  const emails = new Set(text.match(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g) ?? []);
  expect(
    [...emails].filter((e) => e !== "civilsamhalle@exempelkommun.se"),
    where,
  ).toEqual([]);
}

describe("open data", () => {
  it("holds exactly the approved, active and ended agreements, in CSV and JSON, without personal data", async () => {
    const csvRes = await get("/oppna-data/avtal.csv");
    expect(csvRes.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const csv = await csvRes.text();
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.caseNumber).sort()).toEqual(await expectedCaseNumbers());
    expect(Object.keys(rows[0]!).slice(0, 3)).toEqual(["identifier", "url", "caseNumber"]);

    const json = (await (await get("/oppna-data/avtal.json")).json()) as Record<string, unknown>[];
    expect(json.map((r) => r.caseNumber).sort()).toEqual(await expectedCaseNumbers());
    const active = json.find((r) => r.caseNumber === ids.active!.caseNumber)!;
    expect(active).toMatchObject({
      status: "active",
      currency: "SEK",
      amountPerYear: 150_000,
      amountPaid: 37_500,
      paymentsMade: 1,
      plannedStartDate: "2027-01-15",
      plannedEndDate: "2028-12-31",
      recipientOrganisationNumber: "802500-6266",
      decisionParagraph: "§ 12",
      decidedBy: "delegation",
      publicBodyName: "Exempelkommun",
      publicBodyOrganisationNumber: "212000-0001",
    });
    expect(active.awardDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const ended = json.find((r) => r.caseNumber === ids.ended!.caseNumber)!;
    expect([ended.status, ended.plannedEndDate]).toEqual(["ended", "2027-06-01"]);
    expect(json.find((r) => r.caseNumber === ids.approved!.caseNumber)?.status).toBe("approved");
    expectNoPersonalData(csv, "CSV");
    expectNoPersonalData(JSON.stringify(json), "JSON");
  });

  it("answers 304 to a client that has the current version (weak comparison, and '*')", async () => {
    const first = await get("/oppna-data/avtal.csv");
    const etag = first.headers.get("ETag") ?? "";
    const modified = first.headers.get("Last-Modified") ?? "";
    // Weak: the same file is sent gzipped or not, and a strong tag must differ between them.
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(new Date(modified).getTime()).toBeGreaterThan(0);
    expect((await get("/oppna-data/avtal.csv", { "If-None-Match": etag })).status).toBe(304);
    expect((await get("/oppna-data/avtal.csv", { "If-None-Match": etag.slice(2) })).status).toBe(304);
    expect((await get("/oppna-data/avtal.csv", { "If-None-Match": `"annan", ${etag}` })).status).toBe(304);
    expect((await get("/oppna-data/avtal.csv", { "If-None-Match": "*" })).status).toBe(304);
    expect((await get("/oppna-data/avtal.csv", { "If-Modified-Since": modified })).status).toBe(304);
    expect((await get("/oppna-data/avtal.csv", { "If-None-Match": '"annan"' })).status).toBe(200);
    const gzipped = await get("/oppna-data/avtal.csv", { "Accept-Encoding": "gzip" });
    expect(gzipped.headers.get("Content-Encoding")).toBe("gzip");
    expect(gzipped.headers.get("ETag")).toBe(etag);
  });

  it("may be fetched by other sites, with one Cache-Control also for a signed-in person", async () => {
    const session = await sessionFor(app.url, DEMO.officer);
    for (const path of ["/oppna-data/avtal.csv", "/oppna-data/avtal.json", "/oppna-data/katalog.jsonld"]) {
      for (const res of [await get(path), await session.get(path)]) {
        expect(res.status, path).toBe(200);
        expect(res.headers.get("Access-Control-Allow-Origin"), path).toBe("*");
        expect(res.headers.get("Cross-Origin-Resource-Policy"), path).toBe("cross-origin");
        expect(res.headers.get("Cache-Control"), path).toBe("public, max-age=300");
      }
    }
    // Pages keep their own: a signed-in page is never stored, once.
    expect((await session.get("/mina-sidor")).headers.get("Cache-Control")).toBe("private, no-store");
  });

  it("shows a renamed organisation at once, under a new ETag, in the files and the register", async () => {
    const { organisation } = await laxhjalpenCast();
    const original = (await OrganisationModel.findById(organisation._id).lean())!.name;
    const before = await get("/oppna-data/avtal.csv");
    const rename = (name: string) => updateOrganisation(organisation._id, { name } as never);
    await rename("Läxhjälpen med nytt namn");
    try {
      const after = await get("/oppna-data/avtal.csv");
      expect(after.headers.get("ETag")).not.toBe(before.headers.get("ETag"));
      expect(await after.text()).toContain("Läxhjälpen med nytt namn");
      // The kept file is sent as its UTF-8 bytes, with their length (å and ä are two bytes each).
      const json = await get("/oppna-data/avtal.json", { "Accept-Encoding": "identity" });
      const bytes = Buffer.from(await json.arrayBuffer());
      expect(json.headers.get("Content-Length")).toBe(String(bytes.length));
      expect(bytes.toString("utf8")).toContain("Läxhjälpen med nytt namn");
      expect(await (await get("/register")).text()).toContain("Läxhjälpen med nytt namn");
    } finally {
      await rename(original);
    }
  });

  it("describes the dataset in DCAT-AP-SE, as JSON-LD with both distributions", async () => {
    const res = await get("/oppna-data/katalog.jsonld");
    expect(res.headers.get("Content-Type")).toBe("application/ld+json; charset=utf-8");
    const expanded = await jsonld.expand((await res.json()) as object);
    const flat = JSON.stringify(expanded);
    const dcat = "http://www.w3.org/ns/dcat#";
    expect(flat).toContain(`${dcat}Catalog`);
    const nodes = (await jsonld.flatten(expanded)) as unknown as Record<string, unknown>[];
    const found = nodes
      .filter((n) => (n["@type"] as string[] | undefined)?.includes(`${dcat}Distribution`))
      .map((n) => [
        (n[`${dcat}downloadURL`] as { "@id": string }[])[0]!["@id"]
          .replace(app.url, "")
          .replace(/^https?:\/\/[^/]+/, ""),
        (n[`${dcat}mediaType`] as { "@id": string }[])[0]!["@id"],
      ])
      .sort();
    expect(found).toEqual([
      ["/oppna-data/avtal.csv", "https://www.iana.org/assignments/media-types/text/csv"],
      ["/oppna-data/avtal.json", "https://www.iana.org/assignments/media-types/application/json"],
    ]);
    expect(flat).toContain("http://creativecommons.org/publicdomain/zero/1.0/");

    // DCAT-AP-SE 3.0.1: a publisher typed as a local authority with a tagged name; issued,
    // modified, language, place and period on the dataset; a theme taxonomy; described files.
    const dct = "http://purl.org/dc/terms/";
    const ofType = (type: string) => nodes.filter((n) => (n["@type"] as string[] | undefined)?.includes(type));
    const publisher = nodes.find((n) => (n[`${dct}type`] as { "@id": string }[] | undefined)?.length)!;
    expect((publisher[`${dct}type`] as { "@id": string }[])[0]!["@id"]).toBe(
      "http://purl.org/adms/publishertype/LocalAuthority",
    );
    expect(publisher["http://xmlns.com/foaf/0.1/name"]).toEqual([{ "@language": "sv", "@value": "Exempelkommun" }]);
    const dataset = ofType(`${dcat}Dataset`)[0]!;
    for (const key of ["issued", "modified", "language", "spatial", "temporal"]) {
      expect(dataset[`${dct}${key}`], key).toBeDefined();
    }
    const period = nodes.find((n) => n["@id"] === (dataset[`${dct}temporal`] as { "@id": string }[])[0]!["@id"])!;
    expect((period[`${dcat}startDate`] as { "@value": string }[])[0]!["@value"]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(ofType(`${dcat}Catalog`)[0]![`${dcat}themeTaxonomy`]).toEqual([
      { "@id": "http://publications.europa.eu/resource/authority/data-theme" },
    ]);
    for (const d of ofType(`${dcat}Distribution`)) expect(d[`${dct}description`], String(d["@id"])).toBeDefined();
  });
});

describe("the public register", () => {
  it("shows an agreement's new payment on the next view of its entry", async () => {
    const cast = await laxhjalpenCast();
    const made = await agreementInStatus(cast, "Register: avtal som får en utbetalning", true);
    const path = `/register/${String(made._id)}`;
    const before = await (await get(path)).text();
    const paymentsBefore = before.match(/Utbetalning på/g)?.length ?? 0;
    const current = (await loadCaseById(made.publicBodyId, made._id))!;
    await recordPayment(
      current,
      cast.officer,
      { paidOn: new Date("2027-04-10T00:00:00Z"), amountSek: 12_500, reference: "V-2" },
      current.version,
    );
    const after = await (await get(path)).text();
    expect(after.match(/Utbetalning på/g)?.length).toBe(paymentsBefore + 1);
    expect(after).toContain("Utbetalning på 12");
    expect(after).toContain(`Utbetalningar: ${paymentsBefore + 1}`);

    // A payment whose writer stopped after its first write: the register shows the agreement as
    // it was, never half a change, and the whole change once the next reader has finished it.
    const latest = (await loadCaseById(made.publicBodyId, made._id))!;
    const agreement = latest.agreement!;
    await writeEvent(
      latest,
      { type: "paymentRecorded", actor: cast.officer, data: { amountSek: 7_000 } },
      {
        agreement: {
          ...agreement,
          payments: [
            ...(agreement.payments ?? []),
            { paidOn: new Date("2027-07-10T00:00:00Z"), amountSek: 7_000, reference: "V-3", recordedBy: "x" },
          ],
        },
      },
    );
    const stopped = await (await get(path)).text();
    expect(stopped.match(/Utbetalning på/g)?.length).toBe(paymentsBefore + 1);
    expect(stopped).not.toMatch(/Utbetalning på 7\s000\skr/);
    await loadCaseById(made.publicBodyId, made._id); // the next reader (an officer's view) finishes it
    const finished = await (await get(path)).text();
    expect(finished.match(/Utbetalning på/g)?.length).toBe(paymentsBefore + 2);
    expect(finished).toMatch(/Utbetalning på 7\s000\skr/);
    expect(finished).toContain(`Utbetalningar: ${paymentsBefore + 2}`);
  });

  it("lists, searches and shows each agreement without sign-in or personal data", async () => {
    const list = await (await get("/register")).text();
    for (const key of ["active", "approved", "ended"]) expect(list, key).toContain(ids[key]!.title);
    for (const key of ["declined", "dialogue"]) expect(list, key).not.toContain(ids[key]!.title);
    expectNoPersonalData(list, "/register");

    const byStatus = await (await get("/register?status=ended")).text();
    expect(byStatus).toContain(ids.ended!.title);
    expect(byStatus).not.toContain(ids.active!.title);
    const byWords = await (await get(`/register?q=${encodeURIComponent("gällande avtal")}`)).text();
    expect(byWords).toContain(ids.active!.title);
    expect(byWords).not.toContain(ids.approved!.title);
    const byYear = await (await get("/register?year=2028&status=active")).text();
    expect(byYear).toContain(ids.active!.title);
    const hostile = await get("/register?status[$ne]=x&year=<script>&area=%00&page=-1");
    expect(hostile.status).toBe(200);

    const page = await get(`/register/${String(ids.active!._id)}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("802500-6266");
    expect(html).toContain("Utbetalningar: 1, sammanlagt 37");
    expect(html).toContain("Överenskommelsen undertecknades och började gälla");
    expectNoPersonalData(html, "/register/:id");
    const ended = await (await get(`/register/${String(ids.ended!._id)}`)).text();
    expect(ended).toContain("Överenskommelsen upphörde");
    expectNoPersonalData(ended, "/register/:id (ended)");
    for (const path of [
      `/register/${String(ids.dialogue!._id)}`,
      `/register/${String(ids.declined!._id)}`,
      "/register/inte-ett-id",
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
  });
});

describe("an agreement's public page", () => {
  it("separates the day it was signed from its term, and says how to ask for the text", async () => {
    const page = (await (await get(`/register/${String(ids.active!._id)}`)).text()).replaceAll("<!-- -->", "");
    expect(page).toContain("Gäller från 15 januari 2027 till 31 december 2028");
    expect(page).toMatch(/<dt>Undertecknad<\/dt><dd>\d{1,2} \w+ \d{4}<\/dd>/);
    expect(page).toContain(
      `Du kan begära att få den från Civilsamhällskontoret, Exempelkommun (civilsamhalle@exempelkommun.se); ange diarienummer ${ids.active!.caseNumber}.`,
    );
    expect(page).not.toMatch(/inlämnade av/);
    expect(page).toMatch(/Uppföljningsrapporter: \d+ lämnade, \d+ förfallna hittills/);
  });
});

describe("what the public outputs may carry", () => {
  it("never lets a spreadsheet run an organisation's text as a formula", async () => {
    const cast = await laxhjalpenCast();
    const c = await agreementInStatus(cast, "Formel: avtal", true);
    const formula = '=HYPERLINK("https://elak.example/","Klicka")';
    await ProposalModel.updateOne({ _id: c._id }, { $set: { title: formula, summary: "+46 SUM(A1)" } });
    await touch("cases"); // written around the engine: the kept case lists are told
    const rows = parse(await (await get("/oppna-data/avtal.csv")).text(), { columns: true }) as Record<
      string,
      string
    >[];
    const row = rows.find((r) => r.caseNumber === c.caseNumber);
    expect([row?.title, row?.description]).toEqual([`'${formula}`, "'+46 SUM(A1)"]);
    // JSON is data, not a spreadsheet: the text as it is.
    const json = (await (await get("/oppna-data/avtal.json")).json()) as Record<string, unknown>[];
    expect(json.find((r) => r.caseNumber === c.caseNumber)?.title).toBe(formula);
  });

  it("shows a case marked confidential by number, organisation and status only, until staff clear it", async () => {
    const cast = await laxhjalpenCast();
    const c = await agreementInStatus(cast, "Hemlig titel om en skyddad verksamhet", true);
    await ProposalModel.updateOne({ _id: c._id }, { $set: { summary: "Hemlig sammanfattning" } });
    const hans = await sessionFor(app.url, DEMO.officer);
    const casePage = `/handlaggning/arenden/${String(c._id)}`;
    expect((await hans.post(casePage, { intent: "setConfidential", confidential: "on" })).status).toBe(302);

    const shown = async () => ({
      list: await (await get("/register")).text(),
      entry: await (await get(`/register/${String(c._id)}`)).text(),
      csv: await (await get("/oppna-data/avtal.csv")).text(),
      json: (await (await get("/oppna-data/avtal.json")).json()) as Record<string, unknown>[],
    });
    let out = await shown();
    for (const [name, text] of Object.entries({ ...out, json: JSON.stringify(out.json) })) {
      expect(text, name).not.toContain("Hemlig titel");
      expect(text, name).not.toContain("Hemlig sammanfattning");
    }
    expect(out.entry.replaceAll("<!-- -->", "")).toContain(`Ärende ${c.caseNumber} (uppgifterna sekretessprövas)`);
    expect(out.entry).not.toContain("150");
    const record = out.json.find((r) => r.caseNumber === c.caseNumber)!;
    expect(record).toMatchObject({
      withheld: true,
      title: "",
      description: "",
      amountPerYear: 0,
      recipientOrganisationNumber: "802500-6266",
      status: "active",
    });

    // Cleared by staff: the title and summary are public again.
    const cleared = await hans.post(casePage, {
      intent: "setConfidential",
      confidential: "on",
      publicationCleared: "on",
    });
    expect(cleared.status).toBe(302);
    out = await shown();
    expect(out.entry).toContain("Hemlig titel om en skyddad verksamhet");
    expect(out.json.find((r) => r.caseNumber === c.caseNumber)).toMatchObject({
      withheld: false,
      title: "Hemlig titel om en skyddad verksamhet",
      amountPerYear: 150_000,
    });
    // Neither an organisation member nor a politician may change the mark.
    for (const email of [DEMO.orgAdminB, DEMO.politician]) {
      const other = await sessionFor(app.url, email);
      const res = await other.post(casePage, { intent: "setConfidential", confidential: "" });
      expect(res.status, email).toBe(404);
    }
    expect((await ProposalModel.findById(c._id).lean())?.confidential).toBe(true);
  });
});
