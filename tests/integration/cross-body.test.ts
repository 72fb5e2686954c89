import type { Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementInStatus, caseInStatus } from "~/domain/demo/factories.server";
import { seedNeighbour } from "~/domain/demo/seed.server";
import { storeCaseAttachment, storeDocument } from "~/domain/records/documents.server";
import { freePort } from "../../scripts/db";
import { startTestApp, type TestApp } from "../support/app";
import { gronaGardenCast, laxhjalpenCast } from "../support/cast";
import { sendTo } from "../support/hosts";
import { DEMO, sessionFor } from "../support/http";

// Two public bodies in one installation (decisions 028 and 029), by hand: what each person gets
// for each page of each body, at each body's address. Föreningen Gröna Gården (Anna) works with
// both; Läxhjälpen (Lina) only with Exempelkommun.
const APP_HOST = "samverka.test";
const EXEMPEL = `exempelkommun.${APP_HOST}`;
const GRANNBY = `grannby.${APP_HOST}`;
let app: TestApp;
let port: string;
const cookies: Record<string, string> = {};
/** Each body's pages, by name: the same kinds of page in both. */
const pages: Record<"exempel" | "grannby", Record<string, string>> = { exempel: {}, grannby: {} };
let ids: { grona: string; lax: string; statutes: string; exempelAgreementDoc: string; laxStatutes: string };
const titles = {
  exempel: "Gröna Gårdens odlingar i Exempelstad",
  grannby: "Gröna Gårdens odlingar i Grannby",
  grannbyDialogue: "Odlingsträffar i Grannby",
  lax: "Läxhjälp i Exempelstad",
};

const PDF = { bytes: new TextEncoder().encode("%PDF-1.4\n%%EOF\n"), type: { ext: "pdf", mime: "application/pdf" } };

async function bodyPages(c: { _id: Types.ObjectId; agreement?: { signing?: { documentId?: Types.ObjectId } } }) {
  const id = String(c._id);
  const cast = await gronaGardenCast("exempelkommun");
  const attachment = await storeCaseAttachment(c as never, cast.member._id, "Budget", { ...PDF, name: "budget.pdf" });
  return {
    "staff case page": `/handlaggning/arenden/${id}`,
    "staff agreement page": `/handlaggning/arenden/${id}/avtal`,
    "organisation's case page": `/forslag/${id}`,
    "organisation's agreement page": `/forslag/${id}/avtal`,
    "signed agreement PDF": `/forslag/${id}/avtal/pdf`,
    "case attachment": `/forslag/${id}/bilagor/${String(attachment._id)}`,
    "organisation document through the case": `/handlaggning/arenden/${id}/organisationsdokument/${ids.statutes}`,
    overview: "/oversikt",
    "overview CSV": "/oversikt/tabell.csv?tabell=status",
    inbox: "/handlaggning",
    administration: "/admin",
    "page texts": "/admin/texter",
  };
}

beforeAll(async () => {
  port = String(await freePort());
  // With the port, so that the bodies' addresses lead to the test server.
  process.env.APP_HOST = `${APP_HOST}:${port}`;
  app = await startTestApp("cross_body", { port: Number(port) });
  await seedNeighbour();
  const [exempel, grannby, lax] = await Promise.all([
    gronaGardenCast("exempelkommun"),
    gronaGardenCast("grannby"),
    laxhjalpenCast(),
  ]);
  const statutes = await storeDocument({
    publicBodyId: exempel.publicBodyId,
    organisationId: exempel.organisation._id,
    uploadedBy: exempel.member._id,
    kind: "statutes",
    title: "Stadgar",
    file: { ...PDF, name: "stadgar.pdf" },
  });
  const laxStatutes = await storeDocument({
    publicBodyId: lax.publicBodyId,
    organisationId: lax.organisation._id,
    uploadedBy: lax.member._id,
    kind: "statutes",
    title: "Läxhjälpens stadgar",
    file: { ...PDF, name: "stadgar.pdf" },
  });
  const inExempel = await agreementInStatus(exempel, titles.exempel, true);
  const inGrannby = await agreementInStatus(grannby, titles.grannby, true);
  await caseInStatus("in_dialogue", grannby, titles.grannbyDialogue);
  await caseInStatus("submitted", lax, titles.lax);
  ids = {
    grona: String(exempel.organisation._id),
    lax: String(lax.organisation._id),
    statutes: String(statutes._id),
    laxStatutes: String(laxStatutes._id),
    exempelAgreementDoc: String(inExempel.agreement?.signing?.documentId),
  };
  pages.exempel = await bodyPages(inExempel);
  pages.grannby = await bodyPages(inGrannby);
  for (const [who, email] of Object.entries({
    greta: "samordnare@grannby.example",
    gustav: "handlaggare@grannby.example",
    sara: DEMO.coordinator,
    hans: DEMO.officer,
    admin: DEMO.admin,
    petra: DEMO.politician,
    anna: DEMO.orgAdminA,
    lina: DEMO.orgAdminB,
  }))
    cookies[who] = (await sessionFor(app.url, email)).cookieHeader();
});
afterAll(async () => {
  delete process.env.APP_HOST;
  await app?.stop();
});

const get = (path: string, host: string, who: string) => sendTo(port, "GET", path, host, { cookie: cookies[who] });

/** Every page of `body` as `who` at `host`: the statuses by page name. */
async function statuses(body: "exempel" | "grannby", who: string, host: string) {
  const out: Record<string, number> = {};
  for (const [name, path] of Object.entries(pages[body])) out[name] = (await get(path, host, who)).status;
  return out;
}

const all = (status: number) => Object.fromEntries(Object.keys(pages.exempel).map((name) => [name, status]));

describe("a staff role in one body gives nothing in another", () => {
  it("Grannby's staff get 404 for every page of Exempelkommun's, at either address", async () => {
    for (const who of ["greta", "gustav"]) {
      expect(await statuses("exempel", who, EXEMPEL), who).toEqual(all(404));
      // A case of Exempelkommun's is no case at Grannby's address either.
      for (const [name, path] of Object.entries(pages.exempel).filter(([, p]) => /\/(arenden|forslag)\//.test(p)))
        expect((await get(path, GRANNBY, who)).status, `${who} ${name}`).toBe(404);
    }
  });

  it("and the reverse: Exempelkommun's staff get 404 for every page of Grannby's", async () => {
    for (const who of ["sara", "hans", "admin", "petra"]) {
      expect(await statuses("grannby", who, GRANNBY), who).toEqual(all(404));
    }
  });

  it("while each body's own staff reach their pages (a hand-written row per person)", async () => {
    // The organisation's own pages are 404 for staff (they have their own case page).
    const staffRow = {
      "staff case page": 200,
      "staff agreement page": 200,
      "organisation's case page": 404,
      "organisation's agreement page": 404,
      "signed agreement PDF": 200,
      "case attachment": 200,
      "organisation document through the case": 200,
      overview: 200,
      "overview CSV": 200,
      inbox: 200,
      administration: 403,
      "page texts": 403,
    };
    expect(await statuses("grannby", "greta", GRANNBY)).toEqual(staffRow);
    expect(await statuses("exempel", "sara", EXEMPEL)).toEqual(staffRow);
    expect(await statuses("exempel", "admin", EXEMPEL)).toEqual({
      ...staffRow,
      "staff case page": 200,
      administration: 200,
      "page texts": 200,
    });
  });
});

describe("one organisation in both bodies", () => {
  it("lets its member work on its cases in each body at that body's address", async () => {
    const member = {
      "organisation's case page": 200,
      "organisation's agreement page": 200,
      "signed agreement PDF": 200,
      "case attachment": 200,
    };
    for (const [body, host] of [
      ["exempel", EXEMPEL],
      ["grannby", GRANNBY],
    ] as const) {
      const got = await statuses(body, "anna", host);
      expect(Object.fromEntries(Object.keys(member).map((k) => [k, got[k]])), body).toEqual(member);
      // No staff page of either body.
      for (const name of ["staff case page", "overview", "overview CSV", "inbox", "administration"])
        expect(got[name], `${body} ${name}`).toBe(404);
    }
    // A case is at its own body's address only.
    expect((await get(pages.grannby["organisation's case page"]!, EXEMPEL, "anna")).status).toBe(404);
    expect((await get(pages.exempel["organisation's case page"]!, GRANNBY, "anna")).status).toBe(404);
  });

  it("shows its member every case of theirs on one start page, each leading to its body's address", async () => {
    const start = await get("/mina-sidor", EXEMPEL, "anna");
    expect(start.status).toBe(200);
    for (const title of [titles.exempel, titles.grannby, titles.grannbyDialogue]) expect(start.body).toContain(title);
    expect(start.body).toContain(`href="http://${GRANNBY}:${port}${pages.grannby["organisation's case page"]}"`);
    expect(start.body).toContain(`href="${pages.exempel["organisation's case page"]}"`);
    expect(start.body).toContain('<th scope="col">Kommun eller region</th>');
    // The same list at Grannby's address, the other way round.
    const there = await get("/mina-sidor", GRANNBY, "anna");
    expect(there.body).toContain(`href="http://${EXEMPEL}:${port}${pages.exempel["organisation's case page"]}"`);
    expect(there.body).toContain(`href="${pages.grannby["organisation's case page"]}"`);
    // Lina's organisation works with Exempelkommun alone: no column of bodies.
    expect((await get("/mina-sidor", EXEMPEL, "lina")).body).not.toContain("Kommun eller region");
  });

  it("is one record: its page and statutes serve each body it works with, a body's own documents stay there", async () => {
    const gronaPage = `/organisation/${ids.grona}`;
    const statutes = `${gronaPage}/dokument/${ids.statutes}`;
    const agreementDoc = `${gronaPage}/dokument/${ids.exempelAgreementDoc}`;
    const table: [who: string, host: string, page: number, statutes: number, agreementDoc: number][] = [
      ["anna", EXEMPEL, 200, 200, 200],
      ["anna", GRANNBY, 200, 200, 200], // its member sees all its documents, anywhere
      ["lina", GRANNBY, 404, 404, 404], // another organisation's member
      ["greta", GRANNBY, 200, 200, 404], // Grannby's coordinator: the signed agreement is Exempelkommun's
      ["greta", EXEMPEL, 404, 404, 404], // her role is Grannby's, not Exempelkommun's
      ["sara", EXEMPEL, 200, 200, 200],
      ["sara", GRANNBY, 404, 404, 404],
      ["gustav", GRANNBY, 200, 404, 404], // an officer sees the facts, not the documents
      ["petra", GRANNBY, 404, 404, 404],
    ];
    for (const [who, host, ...expected] of table) {
      const got = [gronaPage, statutes, agreementDoc];
      const answers = [];
      for (const path of got) answers.push((await get(path, host, who)).status);
      expect(answers, `${who} at ${host}`).toEqual(expected);
    }
    // Läxhjälpen has no case with Grannby and registered at Exempelkommun: not in Grannby's register.
    expect((await get(`/organisation/${ids.lax}`, GRANNBY, "greta")).status).toBe(404);
    const register = await get("/organisation", GRANNBY, "greta");
    expect(register.body).toContain("Föreningen Gröna Gården");
    expect(register.body).not.toContain("Stiftelsen Läxhjälpen");
    expect((await get("/organisation", EXEMPEL, "sara")).body).toContain("Stiftelsen Läxhjälpen");
  });
});

describe("what each body counts and publishes", () => {
  /** The overview's table by status, as a map of label to count. */
  async function byStatus(host: string, who: string) {
    const csv = (await get("/oversikt/tabell.csv?tabell=status", host, who)).body.replace(/^\uFEFF/, "");
    return Object.fromEntries(
      csv
        .split("\r\n")
        .slice(1)
        .filter(Boolean)
        .map((line) => line.split(";") as [string, string]),
    );
  }

  it("counts only the body's own cases on its overview", async () => {
    const grannby = await byStatus(GRANNBY, "greta");
    const exempel = await byStatus(EXEMPEL, "sara");
    expect(grannby).toEqual({ "Överenskommelsen gäller": "1", "Dialog med handläggare": "1" });
    expect(exempel).toEqual({ "Överenskommelsen gäller": "1", "Inkommet – ska fördelas": "1" });
  });

  it("publishes each body's agreements at its address, both at the front door", async () => {
    const file = async (host: string) => (await sendTo(port, "GET", "/oppna-data/avtal.csv", host)).body;
    const [exempel, grannby, national] = await Promise.all([file(EXEMPEL), file(GRANNBY), file(APP_HOST)]);
    expect([exempel.includes(titles.exempel), exempel.includes(titles.grannby)]).toEqual([true, false]);
    expect([grannby.includes(titles.exempel), grannby.includes(titles.grannby)]).toEqual([false, true]);
    expect([national.includes(titles.exempel), national.includes(titles.grannby)]).toEqual([true, true]);
  });
});
