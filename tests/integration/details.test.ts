import { at } from "../support/clock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementInStatus, caseInStatus, upsertUser } from "~/domain/demo/factories.server";
import { createAgreementDraft, submitReport } from "~/domain/agreements/agreements.server";
import { loadCaseById } from "~/domain/cases/engine.server";
import { formatSek } from "~/i18n";
import { swedishToday } from "~/domain/kernel/days";
import { startTestApp, type TestApp } from "../support/app";
import { laxhjalpenCast } from "../support/cast";
import { DEMO, sessionFor } from "../support/http";

// Details that made people hesitate (issue 21, part 7), each as the person meets it.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp("details");
});
afterAll(async () => app?.stop());

describe("the organisation's list of its cases", () => {
  it("shows the cases still going on before the withdrawn and declined ones, however recent those are", async () => {
    const cast = await laxhjalpenCast();
    await caseInStatus("in_dialogue", cast, "Detaljer: pågående förslag");
    await caseInStatus("declined", cast, "Detaljer: avslaget förslag");
    await caseInStatus("withdrawn", cast, "Detaljer: återkallat förslag");
    const page = await (await (await sessionFor(app.url, DEMO.orgAdminB)).get("/forslag")).text();
    const at = (title: string) => page.indexOf(title);
    expect(at("Detaljer: pågående förslag")).toBeGreaterThan(-1);
    expect(at("Detaljer: pågående förslag")).toBeLessThan(at("Detaljer: återkallat förslag"));
    expect(at("Detaljer: pågående förslag")).toBeLessThan(at("Detaljer: avslaget förslag"));
  });
});

describe("the organisation's start page for an agreement in force", () => {
  it("shows the term, the next report with its due day and the next payment, and moves on after a report", async () => {
    const cast = await laxhjalpenCast();
    const c = await agreementInStatus(cast, "Detaljer: avtal i kraft", true);
    const lina = await sessionFor(app.url, DEMO.orgAdminB);
    const row = async () => {
      const page = (await (await lina.get("/mina-sidor")).text()).replaceAll("<!-- -->", "").replaceAll("\u00a0", " ");
      const at = page.indexOf("Detaljer: avtal i kraft");
      return page.slice(at, page.indexOf("</tr>", at));
    };
    // The factory's term: 15 January 2027 – 31 December 2028, 150 000 kr a year paid quarterly.
    let shown = await row();
    expect(shown).toContain("Avtalet gäller 15 januari 2027 – 31 december 2028");
    expect(shown).toContain("Nästa uppföljningsrapport: 2027, senast 31 januari 2028");
    const plan = (await loadCaseById(c.publicBodyId, c._id))!.agreement!.plan!;
    // Whatever today is: the first planned payment from today on, or none once the plan is past.
    const next = plan.find((p) => p.date.toISOString().slice(0, 10) >= swedishToday(new Date()));
    if (next) expect(shown).toContain(`Nästa utbetalning: ${formatSek(next.amountSek).replaceAll("\u00a0", " ")} den`);
    else expect(shown).not.toContain("Nästa utbetalning");

    // The case page says the same, on a fixed day (20 May 2027; a session made that day).
    await at("2027-05-20T10:00:00Z", async () => {
      const then = await sessionFor(app.url, DEMO.orgAdminB);
      const page = (await (await then.get(`/forslag/${String(c._id)}`)).text())
        .replaceAll("<!-- -->", "")
        .replaceAll("\u00a0", " ");
      const next = page.slice(page.indexOf('id="next-step"'));
      expect(next).toContain("Avtalet gäller 15 januari 2027 – 31 december 2028");
      expect(next).toContain("Nästa uppföljningsrapport: 2027, senast 31 januari 2028");
      expect(next).toContain("Nästa utbetalning: 37 500 kr den 1 juli 2027");
    });

    // After the 2027 report is sent, the next one is 2028's.
    const current = (await loadCaseById(c.publicBodyId, c._id))!;
    // The report on 2027 is sent in January 2028, once the year is over.
    await at("2028-01-10T10:00:00Z", () =>
      submitReport(
        current,
        cast.member,
        { year: 2027, narrative: "Ett år.", indicators: "Mål nådda.", moneySek: 0, volunteerHours: 0, inKind: "" },
        current.version,
      ),
    );
    shown = await row();
    expect(shown).toContain("Nästa uppföljningsrapport: 2028, senast 31 januari 2029");
  });
});

describe("the page about IOP", () => {
  it("carries a real local agreement to start from, not a placeholder", async () => {
    const page = await (await fetch(`${app.url}/om-iop`)).text();
    expect(page).toContain("Självständighet och oberoende");
    expect(page).not.toContain("skriver in kommunens överenskommelse här");
  });
});

describe("the office's workload table", () => {
  it("counts each officer's agreement work: drafts to write, signings under way and reports to assess", async () => {
    const cast = await laxhjalpenCast();
    const officer = await upsertUser({
      email: `arbete-${Date.now()}@exempelkommun.se`,
      name: "Wilma Arbetsbörda",
      password: DEMO.password,
      staff: {
        publicBodyId: cast.publicBodyId,
        role: "officer",
        departmentIds: [cast.departmentId],
        delegation: true,
      },
    });
    const hers = { ...cast, officer: officer as never };
    await caseInStatus("in_dialogue", hers, "Arbete: dialog");
    await caseInStatus("approved", hers, "Arbete: avtal att skriva");
    await agreementInStatus(hers, "Arbete: för underskrift", false);
    const active = await agreementInStatus(hers, "Arbete: rapport att bedöma", true);
    await at("2028-01-10T10:00:00Z", async () => {
      const c = (await loadCaseById(active.publicBodyId, active._id))!;
      const r = { year: 2027, narrative: "Ett år.", indicators: "Mål.", moneySek: 0, volunteerHours: 0, inKind: "" };
      await submitReport(c, cast.member, r, c.version);
    });
    const page = (await (await (await sessionFor(app.url, DEMO.coordinator)).get("/mina-sidor")).text()).replaceAll(
      "<!-- -->",
      "",
    );
    const table = page.slice(page.indexOf('id="workload-heading"'));
    const name = table.indexOf("Wilma Arbetsbörda");
    const row = table.slice(table.lastIndexOf("<tr", name), table.indexOf("</tr>", name));
    const cells = [...row.matchAll(/data-label="([^"]+)"><div>([^<]*)<\/div>/g)].map((m) => [m[1], m[2]]);
    expect(cells).toEqual([
      ["Handläggare", "Wilma Arbetsbörda"],
      ["Förvaltning", "Socialförvaltningen"],
      ["Öppna ärenden", "1"],
      ["Under bedömning", "0"],
      ["Avtal eller ändringar att skriva", "1"],
      ["Underskrifter pågår", "1"],
      ["Rapporter att bedöma", "1"],
    ]);
  });
});

describe("an approved case whose agreement is being written", () => {
  it("says so in the lists, in its badge and in what happens now", async () => {
    const cast = await laxhjalpenCast();
    const approved = await caseInStatus("approved", cast, "Detaljer: avtal skrivs");
    const lina = await sessionFor(app.url, DEMO.orgAdminB);
    const badge = async () => {
      const list = (await (await lina.get("/forslag")).text()).replaceAll("<!-- -->", "");
      const at = list.indexOf("Detaljer: avtal skrivs");
      return list.slice(at, list.indexOf("</li>", at));
    };
    expect(await badge()).toContain(">Beviljat</span>");
    await createAgreementDraft(approved, cast.officer, approved.version);
    expect(await badge()).toContain(">Överenskommelse skrivs</span>");
    const page = (await (await lina.get(`/forslag/${String(approved._id)}`)).text()).replaceAll("<!-- -->", "");
    expect(page).toContain("Det finns ett utkast till överenskommelse. Läs det och kommentera");
    expect(page).not.toContain("Nästa steg: handläggaren tar fram ett förslag");
    const sara = await sessionFor(app.url, DEMO.coordinator);
    const inbox = (await (await sara.get("/handlaggning?q=avtal%20skrivs")).text()).replaceAll("<!-- -->", "");
    expect(inbox).toContain(">Överenskommelse skrivs</span>");
  });
});
