import { formatDate } from "~/i18n";
import { createHash } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AgreementVersionModel, agreementVersionId } from "#models/agreement";
import { AttemptSlotModel } from "#models/attempt-slot";
import { CaseEventModel } from "#models/case-event";
import { DepartmentModel } from "#models/department";
import { UserModel } from "#models/user";
import {
  AgreementError,
  endDueAgreements,
  saveAgreementDraft,
  terminateAgreement,
} from "~/domain/agreements/agreements.server";
import { setClock } from "~/domain/kernel/clock";
import { agreementText } from "~/domain/agreements/agreement-text";
import { loadCaseById } from "~/domain/cases/engine.server";
import { agreementInStatus, caseInStatus, upsertUser } from "~/domain/demo/factories.server";
import type { SessionUser } from "~/http/session.server";
import { startTestApp, type TestApp } from "../support/app";
import { joinOrganisation, laxhjalpenCast } from "../support/cast";
import { Client, DEMO, sessionFor, signForm } from "../support/http";
import { clockFrom } from "../support/clock";
import { pdfText as textOf } from "../support/pdf";
import { recipients } from "../support/smtp";

// The agreement from the approved case to active: drafting, comments, versions and their
// comparison, signing; who may do what, hostile input, and races.

let app: TestApp;
afterEach(() => setClock(null));
beforeAll(async () => {
  app = await startTestApp("agreements");
});
afterAll(async () => app?.stop());

const PLAIN_MEMBER = "medlem.avtal@laxhjalpen.example";
const KULTUR_OFFICER = "kultur.avtal@exempelkommun.se";

async function approvedCase(title: string) {
  const cast = await laxhjalpenCast();
  const c = await caseInStatus("approved", cast, title);
  const member = await upsertUser({ email: PLAIN_MEMBER, name: "Mia Medlem", password: DEMO.password });
  await joinOrganisation(member._id, cast.organisation);
  const kultur = await DepartmentModel.findOne({ publicBodyId: c.publicBodyId, slug: "kultur-fritid" }).lean();
  await upsertUser({
    email: KULTUR_OFFICER,
    name: "Kalle Kultur",
    password: DEMO.password,
    staff: { publicBodyId: c.publicBodyId, role: "officer", departmentIds: kultur ? [kultur._id] : [] },
  });
  return {
    c,
    cast,
    staffPage: `/handlaggning/arenden/${String(c._id)}/avtal`,
    orgPage: `/forslag/${String(c._id)}/avtal`,
  };
}

const reload = async (c: { publicBodyId: never; _id: never } | { publicBodyId: unknown; _id: unknown }) => {
  const found = await loadCaseById(c.publicBodyId as never, c._id as never);
  if (!found) throw new Error("case missing");
  return found;
};

/** The draft form's fields as they stand, with some sections changed. */
function draftForm(version: number, changes: Record<string, string> = {}) {
  return {
    intent: "saveAgreement",
    version: String(version),
    start: "2027-01-15",
    end: "2028-12-31",
    noticeMonths: "3",
    municipalSekPerYear: "150 000",
    "sections.purpose": "Läxhjälp för barn i årskurs 4–6.",
    ...changes,
  };
}

describe("the agreement from draft to active", () => {
  it("is drafted, commented, changed, compared, sent, signed once per signer, and then never changes", async () => {
    const { c, staffPage, orgPage } = await approvedCase("Avtal hela vägen");
    // December before the term's first year: the year's report cannot be sent yet.
    clockFrom("2026-12-20T10:00:00Z");
    let hans = await sessionFor(app.url, DEMO.officer);
    let lina = await sessionFor(app.url, DEMO.orgAdminB);

    // Before a draft the organisation reads that one is coming; staff create it with one click.
    expect(await (await lina.get(orgPage)).text()).toContain("Det finns ingen överenskommelse i ärendet ännu");
    const created = await hans.post(staffPage, { intent: "createAgreement", version: String(c.version) });
    expect(created.status).toBe(302);
    let current = await reload(c);
    expect(current.agreement?.number).toBe(1);
    expect(current.agreement?.municipalSekPerYear).toBe(150_000);
    const first = await AgreementVersionModel.findById(agreementVersionId(c._id, 1)).lean();
    expect(first?.sections.find((s) => s.key === "parties")?.text).toContain("802500-6266");
    await app.smtp.waitFor(
      (m) => recipients(m).includes(DEMO.orgAdminB) && /utkast till överenskommelse/.test(m.subject ?? ""),
    );

    // The organisation comments on a section; staff read it.
    const comment = await lina.post(orgPage, {
      intent: "comment",
      section: "followUp",
      body: "Kan rapporten komma i februari?",
    });
    expect(comment.status).toBe(302);
    // Back where she wrote, with the confirmation there and an empty box (no duplicate invited).
    const back = comment.headers.get("Location")!;
    expect(back).toBe(`${orgPage}?kommenterat=followUp#section-followUp`);
    const after = (await (await lina.get(back)).text()).replaceAll("<!-- -->", "");
    const section = after.slice(after.indexOf('id="section-followUp"'));
    expect(section).toMatch(/<p class="notice" role="status">Kommentaren är skickad\.<\/p>/);
    expect(section.slice(section.indexOf("<textarea"), section.indexOf("</textarea>"))).not.toContain("februari");
    expect(await (await hans.get(staffPage)).text()).toContain("Kan rapporten komma i februari?");
    // The organisation cannot change the text itself.
    expect((await lina.post(orgPage, draftForm(current.version + 1))).status).toBe(403);

    // Two staff save at once from the same page: one wins, the other gets 409 and the new text.
    current = await reload(c);
    const sara = await sessionFor(app.url, DEMO.coordinator);
    const [a, b] = await Promise.all([
      hans.post(
        staffPage,
        draftForm(current.version, { "sections.followUp": "Rapport senast den 28 februari varje år." }),
      ),
      sara.post(staffPage, draftForm(current.version, { "sections.followUp": "Rapport senast den 15 mars varje år." })),
    ]);
    expect([a.status, b.status].sort()).toEqual([302, 409]);
    const loser = a.status === 409 ? a : b;
    expect(await loser.text()).toContain("Någon annan ändrade ärendet");
    current = await reload(c);
    expect(current.agreement?.number).toBe(2);

    // Both read the change between the versions.
    const diff = await (await lina.get(`${orgPage}?fran=1&till=2`)).text();
    expect(diff).toContain("Ändringar från version 1 till version 2");
    expect(diff).toMatch(/<ins>.*?(28 februari|15 mars)/s);

    // Sent for signing by Lina (firmatecknare) and Hans (the delegate): the text is fixed.
    const linaUser = await UserModel.findOne({ email: DEMO.orgAdminB }).lean();
    const hansUser = await UserModel.findOne({ email: DEMO.officer }).lean();
    const sent = await hans.post(
      staffPage,
      `intent=sendForSigning&version=${current.version}&organisationSignerIds=${String(linaUser?._id)}&delegateId=${String(hansUser?._id)}`,
    );
    expect(sent.status).toBe(302);
    current = await reload(c);
    expect(current.status).toBe("agreement_pending_signatures");
    const hash = current.agreement?.signing?.hash ?? "";
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    await app.smtp.waitFor(
      (m) => recipients(m).includes(DEMO.orgAdminB) && /väntar på din underskrift/.test(m.subject ?? ""),
    );

    // While out for signing nobody edits: refused by the route and by the domain.
    const edit = await hans.post(
      staffPage,
      draftForm(current.version, { "sections.purpose": "Ändrat under signering" }),
    );
    expect(edit.status).toBe(409);
    await expect(
      saveAgreementDraft(
        current,
        hansUser as unknown as SessionUser,
        { ...current.agreement!, sections: {} },
        current.version,
      ),
    ).rejects.toThrow(AgreementError);

    // A plain member who is not a signatory may not sign; a wrong password signs nothing.
    const mia = await sessionFor(app.url, PLAIN_MEMBER);
    const notSigner = await mia.post(orgPage, await signForm(c._id, DEMO.password));
    expect(notSigner.status).toBe(403);
    const wrong = await lina.post(orgPage, await signForm(c._id, "fel lösenord"));
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain("Lösenordet stämmer inte");

    // A double click records one signature.
    const clicks = await Promise.all([1, 2].map(async () => lina.post(orgPage, await signForm(c._id, DEMO.password))));
    expect(clicks.map((r) => r.status)).toEqual([302, 302]);
    current = await reload(c);
    expect(current.agreement?.signing?.signatures.map((s) => s.name)).toEqual(["Lina Verksamhetschef"]);
    expect(current.agreement?.signing?.signatures[0]?.hash).toBe(hash);
    expect(current.status).toBe("agreement_pending_signatures");

    // The delegate's signature is the last: the agreement is active, and everyone is told.
    expect((await hans.post(staffPage, await signForm(c._id, DEMO.password))).status).toBe(302);
    current = await reload(c);
    expect(current.status).toBe("active");
    const signatures = current.agreement?.signing?.signatures ?? [];
    expect(signatures.map((s) => [s.name, s.party, s.hash, Boolean(s.ip)])).toEqual([
      ["Lina Verksamhetschef", "organisation", hash, true],
      ["Hans Handläggare", "municipality", hash, true],
    ]);
    expect(await CaseEventModel.countDocuments({ caseId: c._id, type: "signAgreement" })).toBe(2);
    const mail = await app.smtp.waitFor(
      (m) => recipients(m).includes(DEMO.orgAdminB) && /undertecknad och gäller/.test(m.subject ?? ""),
    );

    // The signed PDF: mailed to the parties, downloadable by them, its text and hash the signed ones.
    const download = await lina.get(`/forslag/${String(c._id)}/avtal/pdf`);
    expect([download.status, download.headers.get("Content-Type")]).toEqual([200, "application/pdf"]);
    const pdf = Buffer.from(await download.arrayBuffer());
    expect(mail.attachments.map((a) => a.contentType)).toEqual(["application/pdf"]);
    expect(Buffer.compare(mail.attachments[0]!.content, pdf)).toBe(0);
    const pdfText = textOf(pdf, `${current.caseNumber} · Överenskommelse, version 2`);
    expect(pdfText).toContain(hash);
    const signedText = agreementText({ ...current.agreement!, number: 2 });
    expect(createHash("sha256").update(signedText, "utf8").digest("hex")).toBe(hash);
    for (const line of signedText
      .split("\n")
      .slice(1)
      .filter((l) => l.trim())) {
      expect(pdfText).toContain(line.replace(/\s+/g, " ").trim());
    }
    expect(pdfText).toContain("Lina Verksamhetschef");
    expect((await (await sessionFor(app.url, DEMO.orgAdminA)).get(`/forslag/${String(c._id)}/avtal/pdf`)).status).toBe(
      404,
    );
    expect((await hans.get(`/forslag/${String(c._id)}/avtal/pdf`)).status).toBe(200);

    // The ledger: the plan from the term, and a payment recorded once however often it is sent,
    // by staff only.
    expect(current.agreement?.plan?.length).toBe(8);
    const payment = {
      intent: "recordPayment",
      version: String(current.version),
      paidOn: "2027-01-10",
      amountSek: "37 500",
      reference: "V-1001",
    };
    const paid = await Promise.all([hans.post(staffPage, payment), hans.post(staffPage, payment)]);
    expect(paid.map((r) => r.status).sort()).toEqual([302, 409]);
    expect((await lina.post(orgPage, { ...payment, version: String((await reload(c)).version) })).status).toBe(403);
    for (const bad of [
      { ...payment, amountSek: "0" },
      { ...payment, paidOn: "2027-02-30" },
      { ...payment, reference: "x".repeat(100_000) },
    ]) {
      expect((await hans.post(staffPage, { ...bad, version: String((await reload(c)).version) })).status).toBe(400);
    }
    current = await reload(c);
    expect(current.agreement?.payments?.map((p) => [p.amountSek, p.reference])).toEqual([[37_500, "V-1001"]]);
    const ledgerPage = await (await lina.get(orgPage)).text();
    expect(ledgerPage).toMatch(/Utbetalt.*?37\s500\skr/s);
    // The payment plan says which planned payment the payment covered, with Swedish dates.
    const planned = ledgerPage.replaceAll("<!-- -->", "").replaceAll("\u00a0", " ");
    const firstPlanned = current.agreement!.plan![0]!;
    const firstRow = planned.slice(planned.indexOf("Betalningsplan"));
    expect(firstRow).toContain(formatDate(firstPlanned.date.toISOString().slice(0, 10), "sv"));
    expect(firstRow).toMatch(/37 500 kr.*?Utbetald<\/span>/s);
    expect(firstRow).toContain("Planerad</span>");
    expect(planned).toContain(`${formatDate("2027-01-10", "sv")}: <span class="nowrap">37 500 kr</span>`);

    // Follow-up: the organisation reports on a year, the officer asks for more, then approves.
    const v = async () => String((await reload(c)).version);
    const report = {
      intent: "submitReport",
      year: "2027",
      narrative: "Vi höll läxhjälp 70 kvällar.",
      indicators: "30 barn varje vecka – 34 barn i snitt",
      moneySek: "38 000",
      volunteerHours: "1 100",
      inKind: "",
    };
    // Before 2027 has begun: no form, and a post is refused with the year's field message.
    const before = await (await lina.get(orgPage)).text();
    expect(before).toContain("Rapporten för 2027 kan lämnas när året har börjat.");
    expect(before).not.toContain('name="narrative"');
    const early = await lina.post(orgPage, { ...report, version: await v() });
    expect(early.status).toBe(400);
    expect(await early.text()).toContain("Året har inte börjat än.");
    expect((await reload(c)).agreement?.reports ?? []).toEqual([]);
    // January 2028: the 2027 report is due.
    clockFrom("2028-01-10T10:00:00Z");
    hans = await sessionFor(app.url, DEMO.officer);
    lina = await sessionFor(app.url, DEMO.orgAdminB);
    expect((await hans.post(staffPage, { ...report, version: await v() })).status).toBe(403);
    for (const bad of [
      `intent=submitReport&version=${await v()}&year=2027&narrative[$ne]=x&indicators=i`,
      `intent=submitReport&version=${await v()}&year=2027&narrative=${"x".repeat(1024 * 1024)}&indicators=i`,
      `intent=submitReport&version=${await v()}&year=tjugo&narrative=n&indicators=i`,
      `intent=assessReport&version=${await v()}&year=2027&outcome=kanske`,
    ]) {
      expect(
        (
          await (bad.includes("assessReport") ? hans : lina).post(
            bad.includes("assessReport") ? staffPage : orgPage,
            bad,
          )
        ).status,
        bad.slice(0, 60),
      ).toBe(400);
    }
    expect((await lina.post(orgPage, { ...report, year: "2031", version: await v() })).status).toBe(409);
    expect((await lina.post(orgPage, { ...report, version: await v() })).status).toBe(302);
    expect((await lina.post(orgPage, { ...report, version: await v() })).status).toBe(409);
    const ask = { intent: "assessReport", year: "2027", outcome: "completionRequested", comment: "" };
    const noComment = await hans.post(staffPage, { ...ask, version: await v() });
    expect(noComment.status).toBe(400);
    expect(await noComment.text()).toContain("Skriv vad organisationen behöver komplettera");
    expect((await lina.post(orgPage, { ...ask, comment: "Fler siffror", version: await v() })).status).toBe(403);
    expect((await hans.post(staffPage, { ...ask, comment: "Hur många volontärer?", version: await v() })).status).toBe(
      302,
    );
    expect((await lina.post(orgPage, { ...report, narrative: "Tolv volontärer.", version: await v() })).status).toBe(
      302,
    );
    expect((await hans.post(staffPage, { ...ask, outcome: "approved", version: await v() })).status).toBe(302);
    current = await reload(c);
    expect(current.agreement?.reports?.map((r) => [r.year, r.status, r.narrative])).toEqual([
      [2027, "approved", "Tolv volontärer."],
    ]);
    // The report's own contribution is that year's reported contribution in the ledger.
    expect(current.agreement?.ownContributions?.map((o) => [o.year, o.moneySek, o.volunteerHours])).toEqual([
      [2027, 38_000, 1_100],
    ]);
    expect(await (await lina.get(orgPage)).text()).toContain("Nästa uppföljningsrapport gäller 2028");

    // Signed: no route and no domain call changes it.
    for (const body of [
      draftForm(current.version, { "sections.purpose": "Efteråt" }) as Record<string, string>,
      { intent: "reopen", version: String(current.version) },
      { intent: "comment", section: "purpose", body: "Efteråt" },
    ]) {
      expect((await hans.post(staffPage, body)).status, body.intent).toBe(409);
    }
    await expect(
      saveAgreementDraft(
        current,
        hansUser as unknown as SessionUser,
        { ...current.agreement!, sections: {} },
        current.version,
      ),
    ).rejects.toThrow(AgreementError);
    const signedVersion = await AgreementVersionModel.findById(agreementVersionId(c._id, 2)).lean();
    expect((await reload(c)).agreement?.number).toBe(2);
    expect(signedVersion?.sections).toEqual(current.agreement?.sections);
  });
});

describe("signing with the password", () => {
  it("stops guessing after five wrong passwords, as signing in does, and signs nothing", async () => {
    const c = await agreementInStatus(await laxhjalpenCast(), "Avtal: gissa lösenordet", false);
    const lina = await sessionFor(app.url, DEMO.orgAdminB);
    const page = `/forslag/${String(c._id)}/avtal`;
    const sign = async (password: string) => lina.post(page, await signForm(c._id, password));
    try {
      for (let i = 0; i < 5; i++) expect((await sign(`fel lösenord ${i}`)).status).toBe(400);
      // The sixth try is refused before the password is looked at, the right one too.
      const blocked = await sign(DEMO.password);
      expect(blocked.status).toBe(429);
      expect((await blocked.text()).replaceAll("<!-- -->", "")).toMatch(
        /För många felaktiga lösenord\. Av säkerhetsskäl kan du försöka igen om \d+ minuter/,
      );
      expect((await reload(c)).agreement?.signing?.signatures).toEqual([]);
    } finally {
      // The block lasts the window; the other tests of this file sign as Lina.
      await AttemptSlotModel.deleteMany({ key: DEMO.orgAdminB });
    }
    expect((await sign(DEMO.password)).status).toBe(302);
    expect((await reload(c)).agreement?.signing?.signatures.map((s) => s.name)).toEqual(["Lina Verksamhetschef"]);
  });
});

describe("who may use the agreement pages", () => {
  it("answers each person as the rest of the app does (hand-written table)", async () => {
    const { c, staffPage, orgPage } = await approvedCase("Avtal behörighet");
    await (
      await sessionFor(app.url, DEMO.officer)
    ).post(staffPage, { intent: "createAgreement", version: String(c.version) });
    const table: [who: string, org: number, staff: number, create: number][] = [
      [DEMO.orgAdminB, 200, 404, 403],
      [PLAIN_MEMBER, 200, 404, 403],
      [DEMO.orgAdminA, 404, 404, 404], // another organisation's member
      [DEMO.officer, 404, 200, 409], // the draft exists already
      [KULTUR_OFFICER, 404, 404, 404], // an officer of another department
      [DEMO.coordinator, 404, 200, 409],
      [DEMO.politician, 404, 404, 404],
    ];
    for (const [who, org, staff, create] of table) {
      const client = await sessionFor(app.url, who);
      expect((await client.get(orgPage)).status, `${who} org`).toBe(org);
      expect((await client.get(staffPage)).status, `${who} staff`).toBe(staff);
      const page = org === 200 ? orgPage : staffPage;
      expect((await client.post(page, { intent: "createAgreement", version: String(c.version + 1) })).status, who).toBe(
        create,
      );
    }
    for (const page of [orgPage, staffPage]) {
      const res = await new Client(app.url).get(page);
      expect(res.status).toBe(302);
      expect(res.headers.get("Location")).toContain("/logga-in");
    }
  });

  it("refuses hostile input with 4xx, saves nothing, and shows markup as text", async () => {
    const { c, staffPage, orgPage } = await approvedCase("Avtal fientligt");
    const hans = await sessionFor(app.url, DEMO.officer);
    await hans.post(staffPage, { intent: "createAgreement", version: String(c.version) });
    const lina = await sessionFor(app.url, DEMO.orgAdminB);
    const v = (await reload(c)).version;
    const big = "x".repeat(1024 * 1024);
    for (const [client, page, body] of [
      [lina, orgPage, "intent=comment&section=purpose&body[$ne]=x"],
      [lina, orgPage, `intent=comment&section=purpose&body=${big}`],
      [lina, orgPage, "intent=comment&section=hemligt&body=hej"],
      [
        hans,
        staffPage,
        `intent=saveAgreement&version=${v}&start=2027-01-01&end=2026-01-01&noticeMonths=3&municipalSekPerYear=1`,
      ],
      [
        hans,
        staffPage,
        `intent=saveAgreement&version=${v}&start=2027-01-01&end=2028-01-01&noticeMonths=tre&municipalSekPerYear=1`,
      ],
      [
        hans,
        staffPage,
        `intent=saveAgreement&version=${v}&start=2027-01-01&end=2028-01-01&noticeMonths=3&municipalSekPerYear[$gt]=`,
      ],
      [hans, staffPage, `intent=sendForSigning&version=${v}&organisationSignerIds[$ne]=x&delegateId=y`],
      [lina, orgPage, "intent=sign&password[$ne]=x&confirm=on"],
    ] as const) {
      const res = await client.post(page, body);
      expect(res.status, body.slice(0, 70)).toBe(400);
    }
    expect((await reload(c)).version).toBe(v);
    const script = await hans.post(staffPage, draftForm(v, { "sections.purpose": "<script>alert('avtal')</script>" }));
    expect(script.status).toBe(302);
    const html = await (await lina.get(orgPage)).text();
    expect(html).toContain("&lt;script&gt;alert(&#x27;avtal&#x27;)&lt;/script&gt;");
    expect(html).not.toContain("<script>alert('avtal')</script>");
  });
});

describe("the end of an agreement", () => {
  afterEach(() => setClock(null));

  it("is given notice by either party, and ended once by the job after the notice period", async () => {
    const cast = await laxhjalpenCast();
    const c = await agreementInStatus(cast, "Avtal som sägs upp", true);
    expect(c.status).toBe("active");
    const orgPage = `/forslag/${String(c._id)}/avtal`;
    const lina = await sessionFor(app.url, DEMO.orgAdminB);
    const notice = { intent: "terminate", reason: "Föreningen läggs ned.", confirm: "on" };
    const v = async () => String((await reload(c)).version);
    for (const [who, status] of [
      [DEMO.orgAdminA, 404],
      [DEMO.politician, 404],
    ] as const) {
      expect(
        (await (await sessionFor(app.url, who)).post(orgPage, { ...notice, version: await v() })).status,
        who,
      ).toBe(status);
    }
    for (const body of [
      `intent=terminate&version=${await v()}&reason[$ne]=x&confirm=on`,
      `intent=terminate&version=${await v()}&reason=Skäl`,
    ]) {
      expect((await lina.post(orgPage, body)).status, body).toBe(400);
    }
    // Given on 30 November (the domain call, with the clock there, in the past so that the
    // emails are due at once): three months later is 28 February, the month having no 30th.
    // Notice once given cannot be given again.
    setClock(() => new Date("2025-11-30T10:00:00Z"));
    await terminateAgreement(await reload(c), cast.member, { reason: "Föreningen läggs ned." }, Number(await v()));
    setClock(null);
    expect((await lina.post(orgPage, { ...notice, version: await v() })).status).toBe(409);
    const terminated = await reload(c);
    const effective = terminated.agreement?.termination?.effectiveOn;
    expect(terminated.agreement?.termination?.party).toBe("organisation");
    expect(effective?.toISOString().slice(0, 10)).toBe("2026-02-28");
    expect(terminated.agreement?.end?.getTime()).toBe(effective?.getTime());
    await app.smtp.waitFor((m) => recipients(m).includes(DEMO.officer) && /uppsagd/.test(m.subject ?? ""));

    // Before the end date the job leaves it; after, two instances at once end it once.
    setClock(() => new Date("2026-02-27T10:00:00Z"));
    expect(await endDueAgreements()).toBe(0);
    setClock(() => new Date((effective?.getTime() ?? 0) + 2 * 24 * 60 * 60 * 1000));
    const counts = await Promise.all([endDueAgreements(), endDueAgreements()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
    expect((await reload(c)).status).toBe("ended");
    expect(await CaseEventModel.countDocuments({ caseId: c._id, type: "endAgreement" })).toBe(1);
    await app.smtp.waitFor((m) => recipients(m).includes(DEMO.orgAdminB) && /har upphört/.test(m.subject ?? ""));
  });
});
