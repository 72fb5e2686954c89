import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AgreementVersionModel, agreementVersionId } from "#models/agreement";
import { CaseEventModel } from "#models/case-event";
import { DepartmentModel } from "#models/department";
import { OrganisationModel } from "#models/organisation";
import { UserModel } from "#models/user";
import { OutboxModel } from "#models/email-outbox";
import { PublicBodyModel } from "#models/public-body";
import {
  AgreementError,
  saveAgreementDraft,
  seenVersionOf,
  signAgreement,
} from "~/domain/agreements/agreements.server";
import { runAgreementReminders } from "~/domain/agreements/reminders.server";
import { setClock } from "~/domain/kernel/clock";
import { loadCaseById, type CaseDoc } from "~/domain/cases/engine.server";
import { agreementInStatus, caseInStatus, upsertUser } from "~/domain/demo/factories.server";
import type { SessionUser } from "~/http/session.server";
import { startTestApp, type TestApp } from "../support/app";
import { joinOrganisation, laxhjalpenCast } from "../support/cast";
import { exeBytes, pdfBytes, uploadForm } from "../support/files";
import { Client, DEMO, sessionFor, signForm } from "../support/http";
import { clockFrom } from "../support/clock";
import { pdfText } from "../support/pdf";
import { recipients } from "../support/smtp";

// Living with an agreement in force: renegotiated and signed again (the old version kept),
// extended, a change dropped, a change lapsing at notice; follow-up meetings and report files;
// reminders; co-organisations as parties, and each organisation's signing rule.

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp("agreement-changes");
});
afterAll(async () => app?.stop());
afterEach(() => setClock(null));

const KULTUR_OFFICER = "kultur.andring@exempelkommun.se";

async function activeAgreement(title: string) {
  const cast = await laxhjalpenCast();
  const c = await agreementInStatus(cast, title, true);
  const id = String(c._id);
  const reload = async () => (await loadCaseById(c.publicBodyId, c._id)) as CaseDoc;
  const v = async () => String((await reload()).version);
  return { cast, c, reload, v, staffPage: `/handlaggning/arenden/${id}/avtal`, orgPage: `/forslag/${id}/avtal` };
}

describe("changing an agreement in force", () => {
  it("is renegotiated as a new draft, signed again, and the signed version before it is kept", async () => {
    const { cast, c, reload, v, staffPage, orgPage } = await activeAgreement("Avtal som omförhandlas");
    const hans = await sessionFor(app.url, DEMO.officer);
    const lina = await sessionFor(app.url, DEMO.orgAdminB);
    const firstPdf = Buffer.from(await (await lina.get(`/forslag/${String(c._id)}/avtal/pdf`)).arrayBuffer());
    const start = { intent: "amend", kind: "renegotiation", changeReason: "Fler barn än väntat.", end: "" };

    // Only staff start a change; the organisation is refused, bad input is a field message.
    expect((await lina.post(orgPage, { ...start, version: await v() })).status).toBe(403);
    const noKind = await hans.post(staffPage, { ...start, kind: "", version: await v() });
    expect(noKind.status).toBe(400);
    expect(await noKind.text()).toContain("Välj om du vill omförhandla texten eller förlänga avtalstiden");
    // A double click starts one change.
    const version = await v();
    const starts = await Promise.all([1, 2].map(() => hans.post(staffPage, { ...start, version })));
    expect(starts.map((r) => r.status).sort()).toEqual([302, 409]);
    let current = await reload();
    expect([current.status, current.agreement?.number, current.agreement?.amendment?.number]).toEqual(["active", 1, 2]);
    await app.smtp.waitFor((m) => recipients(m).includes(DEMO.orgAdminB) && /omförhandlas/.test(m.subject ?? ""));
    let page = await (await lina.get(orgPage)).text();
    expect(page).toContain("Omförhandling pågår: version 2");
    expect(page).toContain("Version 1 gäller tills båda parter har skrivit under den nya versionen");

    // Written together as before: the organisation comments, staff save version 3 with more money.
    expect(
      (await lina.post(orgPage, { intent: "comment", section: "commitments", body: "Vi behöver 200 000 kr." })).status,
    ).toBe(302);
    current = await reload();
    const sections = Object.fromEntries(
      current.agreement!.amendment!.sections.map((s) => [`sections.${s.key}`, s.text]),
    );
    const save = {
      intent: "saveAgreement",
      version: String(current.version),
      start: "2027-01-15",
      end: "2028-12-31",
      noticeMonths: "3",
      municipalSekPerYear: "200 000",
      ...sections,
    };
    expect((await hans.post(staffPage, save)).status).toBe(302);
    current = await reload();
    // The agreement in force is untouched until the change is signed.
    expect([current.agreement?.number, current.agreement?.municipalSekPerYear]).toEqual([1, 150_000]);
    expect([current.agreement?.amendment?.number, current.agreement?.amendment?.municipalSekPerYear]).toEqual([
      3, 200_000,
    ]);
    const diff = await (await lina.get(`${orgPage}?fran=1&till=3`)).text();
    expect(diff).toMatch(
      /<del><span[^>]*>Borttaget:(<!-- -->)? <\/span>150<\/del><ins><span[^>]*>Tillagt:(<!-- -->)? <\/span>200<\/ins>/,
    );

    // Sent for signing and signed by both; the last signature (on 1 July 2027) puts it in force.
    const signers = `organisationSignerIds=${String(cast.member._id)}&delegateId=${String(cast.officer._id)}`;
    expect((await hans.post(staffPage, `intent=sendForSigning&version=${await v()}&${signers}`)).status).toBe(302);
    current = await reload();
    expect(current.agreement?.amendment?.signing?.number).toBe(3);
    // Out for signing, the change's text waits like the first one's did.
    expect((await hans.post(staffPage, { ...save, version: String(current.version) })).status).toBe(409);
    expect((await lina.post(orgPage, await signForm(current._id, DEMO.password))).status).toBe(302);
    page = await (await hans.get(staffPage)).text();
    expect(page).toContain("Att göra: skriv under version 3");
    setClock(() => new Date("2027-07-01T09:00:00Z"));
    const toSign = await reload();
    await signAgreement(toSign, cast.officer, { password: DEMO.password, ip: "127.0.0.1" }, seenVersionOf(toSign)!);
    setClock(null);

    current = await reload();
    expect(current.status).toBe("active");
    expect([current.agreement?.number, current.agreement?.municipalSekPerYear, current.agreement?.amendment]).toEqual([
      3,
      200_000,
      undefined,
    ]);
    expect(current.agreement?.earlier?.map((e) => e.number)).toEqual([1]);
    expect(await CaseEventModel.countDocuments({ caseId: c._id, type: "amendmentSigned" })).toBe(2);
    // Payments planned before the change stay; from its day the plan follows the new terms.
    expect(current.agreement?.plan?.slice(0, 4).map((p) => [p.date.toISOString().slice(0, 10), p.amountSek])).toEqual([
      ["2027-01-01", 37_500],
      ["2027-04-01", 37_500],
      ["2027-07-01", 50_000],
      ["2027-10-01", 50_000],
    ]);
    // The new PDF is version 3; version 1's PDF is still there, byte for byte.
    const newPdf = Buffer.from(await (await lina.get(`/forslag/${String(c._id)}/avtal/pdf`)).arrayBuffer());
    const text = pdfText(newPdf, `${current.caseNumber} · Överenskommelse, version 3`);
    expect(text).toContain("Kommunens bidrag: 200 000 kr per år.");
    expect(text).toContain("Denna version ersätter version 1");
    const old = await lina.get(`/forslag/${String(c._id)}/avtal/pdf?version=1`);
    expect(Buffer.compare(Buffer.from(await old.arrayBuffer()), firstPdf)).toBe(0);
    expect((await lina.get(`/forslag/${String(c._id)}/avtal/pdf?version=2`)).status).toBe(404);
    expect(await (await lina.get(orgPage)).text()).toContain("Tidigare undertecknade versioner");

    // Signed again: no route and no domain call changes version 3.
    current = await reload();
    expect((await hans.post(staffPage, { ...save, version: String(current.version) })).status).toBe(409);
    await expect(
      saveAgreementDraft(
        current,
        cast.officer as unknown as SessionUser,
        { ...current.agreement!, sections: {} },
        current.version,
      ),
    ).rejects.toThrow(AgreementError);
    const signed = await AgreementVersionModel.findById(agreementVersionId(c._id, 3)).lean();
    expect(signed?.sections).toEqual(current.agreement?.sections);
  });

  it("is extended to a later end date when both have signed, and a dropped change leaves it as it was", async () => {
    const { cast, reload, v, staffPage, orgPage } = await activeAgreement("Avtal som förlängs");
    const hans = await sessionFor(app.url, DEMO.officer);
    const lina = await sessionFor(app.url, DEMO.orgAdminB);
    const extend = { intent: "amend", kind: "extension", changeReason: "Verksamheten fortsätter." };
    for (const [end, message] of [
      ["", "Skriv det nya slutdatumet för förlängningen"],
      ["2028-06-30", "Det nya slutdatumet måste vara senare än det nuvarande"],
      ["2029-02-30", "datum"],
    ] as const) {
      const res = await hans.post(staffPage, { ...extend, end, version: await v() });
      expect(res.status, end).toBe(400);
      expect(await res.text(), end).toContain(message);
    }
    expect((await reload()).agreement?.amendment).toBeUndefined();

    // Dropped: the agreement in force goes on unchanged, and a new change can start.
    expect((await hans.post(staffPage, { ...extend, end: "2029-12-31", version: await v() })).status).toBe(302);
    expect((await lina.post(orgPage, { intent: "withdrawAmendment", version: await v() })).status).toBe(403);
    expect((await hans.post(staffPage, { intent: "withdrawAmendment", version: await v() })).status).toBe(302);
    let current = await reload();
    expect([current.agreement?.amendment, current.agreement?.end?.toISOString().slice(0, 10)]).toEqual([
      undefined,
      "2028-12-31",
    ]);
    await app.smtp.waitFor((m) => recipients(m).includes(DEMO.orgAdminB) && /struken/.test(m.subject ?? ""));

    // Extended to 2029 and signed by both: the new end date, and a report year more.
    expect((await hans.post(staffPage, { ...extend, end: "2029-12-31", version: await v() })).status).toBe(302);
    await app.smtp.waitFor((m) => recipients(m).includes(DEMO.orgAdminB) && /förlänga/.test(m.subject ?? ""));
    const signers = `organisationSignerIds=${String(cast.member._id)}&delegateId=${String(cast.officer._id)}`;
    expect((await hans.post(staffPage, `intent=sendForSigning&version=${await v()}&${signers}`)).status).toBe(302);
    for (const [client, page] of [
      [lina, orgPage],
      [hans, staffPage],
    ] as const) {
      expect((await client.post(page, await signForm(current._id, DEMO.password))).status).toBe(302);
    }
    current = await reload();
    // Version 2 was the dropped change; its number is not used again.
    expect([current.agreement?.number, current.agreement?.end?.toISOString().slice(0, 10)]).toEqual([3, "2029-12-31"]);
    expect(current.agreement?.plan?.at(-1)?.date.toISOString().slice(0, 10)).toBe("2029-10-01");
    expect(await (await lina.get(orgPage)).text()).toContain("Nästa uppföljningsrapport gäller 2027");
  });

  it("lapses when notice is given, and answers each person as the rest of the app does", async () => {
    const { reload, v, staffPage, orgPage } = await activeAgreement("Avtal ändring och uppsägning");
    const hans = await sessionFor(app.url, DEMO.officer);
    const lina = await sessionFor(app.url, DEMO.orgAdminB);
    const start = { intent: "amend", kind: "renegotiation", changeReason: "Nya lokaler." };
    const kultur = await DepartmentModel.findOne({ slug: "kultur-fritid" }).lean();
    const c = await reload();
    await upsertUser({
      email: KULTUR_OFFICER,
      name: "Kajsa Kultur",
      password: DEMO.password,
      staff: { publicBodyId: c.publicBodyId, role: "officer", departmentIds: kultur ? [kultur._id] : [] },
    });
    // Another organisation's member, a politician, an officer of another department: not found.
    for (const who of [DEMO.orgAdminA, DEMO.politician, KULTUR_OFFICER]) {
      const client = await sessionFor(app.url, who);
      expect((await client.post(staffPage, { ...start, version: await v() })).status, who).toBe(404);
      expect((await client.post(orgPage, { ...start, version: await v() })).status, who).toBe(404);
    }
    const stranger = await new Client(app.url).post(staffPage, { ...start, version: await v() });
    expect([stranger.status, stranger.headers.get("Location")?.includes("/logga-in")]).toEqual([302, true]);
    for (const body of [
      `intent=amend&version=${await v()}&kind=renegotiation&changeReason[$ne]=x`,
      `intent=amend&version=${await v()}&kind=renegotiation&changeReason=${"x".repeat(1024 * 1024)}`,
      `intent=amend&version=${await v()}&kind[$in]=extension&changeReason=x`,
      `intent=logMeeting&version=${await v()}&heldOn=igår&participants=a&minutes=b`,
    ]) {
      expect((await hans.post(staffPage, body)).status, body.slice(0, 60)).toBe(400);
    }
    expect((await reload()).version).toBe(c.version);

    expect((await hans.post(staffPage, { ...start, version: await v() })).status).toBe(302);
    const notice = { intent: "terminate", reason: "Vi avslutar samarbetet.", confirm: "on" };
    expect((await lina.post(orgPage, { ...notice, version: await v() })).status).toBe(302);
    const current = await reload();
    expect([current.agreement?.amendment, Boolean(current.agreement?.termination)]).toEqual([undefined, true]);
    // With notice given nothing more is changed.
    expect((await hans.post(staffPage, { ...start, version: await v() })).status).toBe(409);
  });
});

describe("following up an agreement in force", () => {
  it("keeps the minutes of a joint follow-up meeting and the files sent with a report", async () => {
    const { c, reload, v, staffPage, orgPage } = await activeAgreement("Avtal uppföljningsmöte");
    // January 2028: the term's first year is over and its report is due.
    clockFrom("2028-01-10T10:00:00Z");
    const hans = await sessionFor(app.url, DEMO.officer);
    const lina = await sessionFor(app.url, DEMO.orgAdminB);
    const meeting = {
      intent: "logMeeting",
      heldOn: "2027-03-10",
      participants: "Lina Verksamhetschef, Hans Handläggare",
      minutes: "Verksamheten går enligt plan. <script>alert(1)</script>",
    };
    expect((await lina.post(orgPage, { ...meeting, version: await v() })).status).toBe(403);
    const empty = await hans.post(staffPage, { ...meeting, minutes: "", version: await v() });
    expect(empty.status).toBe(400);
    expect((await hans.post(staffPage, { ...meeting, version: await v() })).status).toBe(302);
    const page = await (await lina.get(orgPage)).text();
    expect(page).toContain("Uppföljningsmöte 10 mars 2027");
    expect(page).toContain("Verksamheten går enligt plan. &lt;script&gt;");
    await app.smtp.waitFor((m) => recipients(m).includes(DEMO.orgAdminB) && /uppföljningsmötet/.test(m.subject ?? ""));

    const report = {
      intent: "submitReport",
      year: "2027",
      narrative: "Ett bra år.",
      indicators: "30 barn – 31 barn",
      moneySek: "",
      volunteerHours: "",
      inKind: "",
      fileTitle: "Verksamhetsberättelse 2027",
    };
    // A program renamed to .pdf is refused by its content, and nothing is saved.
    const exe = await lina.post(
      orgPage,
      uploadForm({ ...report, version: await v() }, { name: "berattelse.pdf", bytes: exeBytes() }),
    );
    expect(exe.status).toBe(400);
    expect((await reload()).agreement?.reports ?? []).toEqual([]);
    const sent = await lina.post(
      orgPage,
      uploadForm({ ...report, version: await v() }, { name: "berattelse.pdf", bytes: pdfBytes() }),
    );
    expect(sent.status, (await sent.text()).match(/field__error[^<]*<[^>]*>[^<]*|error-summary.{0,400}/s)?.[0]).toBe(
      302,
    );
    const current = await reload();
    const fileId = current.agreement?.reports?.[0]?.attachmentIds?.[0];
    expect(fileId).toBeDefined();
    const href = `/forslag/${String(c._id)}/bilagor/${String(fileId)}`;
    for (const client of [lina, hans]) {
      const res = await client.get(href);
      expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), pdfBytes())).toBe(0);
    }
    expect((await (await sessionFor(app.url, DEMO.orgAdminA)).get(href)).status).toBe(404);
    expect(await (await hans.get(staffPage)).text()).toContain("Verksamhetsberättelse 2027");
  });
});

describe("agreement reminders", () => {
  const mails = async (kind: string, caseId: unknown) =>
    OutboxModel.find({ idempotencyKey: new RegExp(`^agreement-reminder:${kind}:${String(caseId)}:`) })
      .select("to subject")
      .lean();

  it("tell the right people once each, however many instances run", async () => {
    const { c } = await activeAgreement("Avtal med påminnelser");
    const run = (iso: string) =>
      Promise.all([runAgreementReminders(new Date(iso)), runAgreementReminders(new Date(iso))]);

    // The first quarter's payment, a week after its date with nothing recorded: the officer.
    await run("2027-01-07T10:00:00Z");
    expect(await mails("payment", c._id)).toEqual([]);
    await run("2027-01-08T10:00:00Z");
    await run("2027-01-09T10:00:00Z");
    expect((await mails("payment", c._id)).map((m) => [m.to, m.subject])).toEqual([
      [DEMO.officer, `Påminnelse: planerad utbetalning i ${c.caseNumber} är inte registrerad`],
    ]);

    // The report, due 31 January: the organisation 14 days before, then after; the officer later.
    await run("2028-01-17T10:00:00Z");
    await run("2028-02-14T10:00:00Z");
    expect((await mails("report-due", c._id)).map((m) => m.to)).toEqual([c.contactEmail]);
    expect((await mails("report-overdue", c._id)).map((m) => m.to)).toEqual([c.contactEmail]);
    expect((await mails("report-overdue-staff", c._id)).map((m) => m.to)).toEqual([DEMO.officer]);

    // 90 days before the end: both parties, so that talk of a renewal starts in time.
    await run("2028-10-02T10:00:00Z");
    expect((await mails("expiring", c._id)).map((m) => m.to).sort()).toEqual([DEMO.officer, c.contactEmail].sort());
  });

  it("remind the signers who have not signed after the days an administrator set", async () => {
    const cast = await laxhjalpenCast();
    const c = await agreementInStatus(cast, "Avtal som väntar på underskrift", false);
    const sentAt = c.agreement!.signing!.sentAt.getTime();
    const day = 24 * 60 * 60 * 1000;
    const admin = await sessionFor(app.url, DEMO.admin);
    const settings = {
      intent: "reminders",
      unroutedReminderDays: "3",
      inactivityReminderDays: "14",
      completionReminderDays: "7",
    };
    expect((await admin.post("/admin", { ...settings, signatureReminderDays: "tio" })).status).toBe(400);
    expect((await admin.post("/admin", { ...settings, signatureReminderDays: "10" })).status).toBe(302);
    expect((await PublicBodyModel.findById(c.publicBodyId).lean())?.signatureReminderDays).toBe(10);

    await runAgreementReminders(new Date(sentAt + 9 * day));
    expect(await mails("signature", c._id)).toEqual([]);
    await runAgreementReminders(new Date(sentAt + 10 * day));
    expect((await mails("signature", c._id)).map((m) => m.to).sort()).toEqual([DEMO.officer, DEMO.orgAdminB].sort());
    await (
      await sessionFor(app.url, DEMO.orgAdminB)
    ).post(`/forslag/${String(c._id)}/avtal`, await signForm(c._id, DEMO.password));
    // Ten days on, only the one who still has not signed.
    await runAgreementReminders(new Date(sentAt + 20 * day));
    const second = (await mails("signature", c._id)).slice(2);
    expect(second.map((m) => m.to)).toEqual([DEMO.officer]);
    await PublicBodyModel.updateOne({ _id: c.publicBodyId }, { $set: { signatureReminderDays: 7 } });
  });
});

describe("co-organisations and signing rules", () => {
  it("names a registered co-organisation as a party, whose members read, comment and sign the agreement alone", async () => {
    const cast = await laxhjalpenCast();
    const c = await caseInStatus("approved", cast, "Avtal med medverkande organisation");
    const id = String(c._id);
    const staffPage = `/handlaggning/arenden/${id}/avtal`;
    const orgPage = `/forslag/${id}/avtal`;
    const reload = async () => (await loadCaseById(c.publicBodyId, c._id)) as CaseDoc;
    const hans = await sessionFor(app.url, DEMO.officer);
    const anna = await sessionFor(app.url, DEMO.orgAdminA); // Gröna gården: another organisation
    expect((await hans.post(staffPage, { intent: "createAgreement", version: String(c.version) })).status).toBe(302);
    expect((await anna.get(orgPage)).status).toBe(404);

    const current = await reload();
    const sections = Object.fromEntries(current.agreement!.sections.map((s) => [`sections.${s.key}`, s.text]));
    const save = (partnerOrgNumbers: string) => ({
      intent: "saveAgreement",
      start: "2027-01-15",
      end: "2028-12-31",
      noticeMonths: "3",
      municipalSekPerYear: "150000",
      ...sections,
      partnerOrgNumbers,
    });
    const v = async () => String((await reload()).version);
    for (const [numbers, message] of [
      ["556677-8899", "Varje medverkande organisation måste vara registrerad i Samverka"],
      ["802500-6266", "Varje medverkande organisation måste vara registrerad i Samverka"], // the lead itself
      ["12345", "Skriv organisationsnummer med tio siffror"],
    ] as const) {
      const res = await hans.post(staffPage, { ...save(numbers), version: await v() });
      expect(res.status, numbers).toBe(400);
      expect(await res.text(), numbers).toContain(message);
    }
    expect((await hans.post(staffPage, { ...save("8024001375"), version: await v() })).status).toBe(302);
    const withPartner = await reload();
    expect(withPartner.agreement?.partners?.map((p) => p.orgNumber)).toEqual(["802400-1375"]);

    // The co-organisation reads the agreement (not the rest of the case) and comments on it.
    const page = await (await anna.get(orgPage)).text();
    expect(page).toContain("Medverkande organisationer: Föreningen Gröna Gården (802400-1375)");
    expect((await anna.get(`/forslag/${id}`)).status).toBe(404);
    expect((await anna.get(staffPage)).status).toBe(404);
    expect(
      (await anna.post(orgPage, { intent: "comment", section: "organisation", body: "Vi står för lokalen." })).status,
    ).toBe(302);
    expect((await anna.post(orgPage, { ...save(""), version: await v() })).status).toBe(403);

    // Läxhjälpen signs two jointly: one of its signatories is too few.
    await OrganisationModel.updateOne({ _id: cast.organisation._id }, { $set: { signingRule: "jointly" } });
    const second = await upsertUser({
      email: "kassor.avtal@laxhjalpen.example",
      name: "Kim Kassör",
      password: DEMO.password,
    });
    await joinOrganisation(second._id, cast.organisation, { signatory: true });
    const annaUser = await UserModel.findOne({ email: DEMO.orgAdminA }).lean();
    const send = (ids: unknown[]) =>
      `intent=sendForSigning&${ids.map((x) => `organisationSignerIds=${String(x)}`).join("&")}&delegateId=${String(cast.officer._id)}`;
    const tooFew = await hans.post(staffPage, `${send([cast.member._id, annaUser?._id])}&version=${await v()}`);
    expect(tooFew.status).toBe(400);
    expect(await tooFew.text()).toContain(
      "Välj så många firmatecknare för varje organisation som dess firmateckning kräver",
    );
    const sent = await hans.post(
      staffPage,
      `${send([cast.member._id, second._id, annaUser?._id])}&version=${await v()}`,
    );
    expect(sent.status).toBe(302);
    expect((await reload()).agreement?.signing?.signers.map((s) => s.role)).toEqual([
      "Firmatecknare för Stiftelsen Läxhjälpen Exempelstad",
      "Firmatecknare för Stiftelsen Läxhjälpen Exempelstad",
      "Firmatecknare för Föreningen Gröna Gården",
      "Företrädare för Exempelkommun enligt delegation",
    ]);

    // Anna finds the signature waiting on her start page, and signs.
    expect(await (await anna.get("/mina-sidor")).text()).toContain("Skriv under överenskommelsen");
    expect((await anna.post(orgPage, await signForm(c._id, DEMO.password))).status).toBe(302);
    expect((await reload()).agreement?.signing?.signatures.map((s) => s.name)).toEqual(["Anna Ordförande"]);
    await OrganisationModel.updateOne({ _id: cast.organisation._id }, { $set: { signingRule: "alone" } });
  });
});
