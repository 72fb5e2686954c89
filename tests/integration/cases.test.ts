import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CaseDocumentModel } from "#models/case-document";
import { CaseMessageModel } from "#models/case-message";
import { ClaimModel } from "#models/claim";
import { CaseEventModel } from "#models/case-event";
import { DepartmentModel } from "#models/department";
import { DocumentModel } from "#models/document";
import { OutboxModel } from "#models/email-outbox";
import { OrganisationModel } from "#models/organisation";
import { ProposalModel } from "#models/proposal";
import { UserModel } from "#models/user";
import { setClock } from "~/domain/kernel/clock";
import { clockFrom } from "../support/clock";
import {
  applyVersion,
  caseYear,
  CaseConflictError,
  loadCaseById,
  writeEvent,
  type CaseDoc,
} from "~/domain/cases/engine.server";
import { TransitionError } from "~/domain/cases/lifecycle";
import { convertToProposal, inviteToMeeting, postMessage, requestCompletion } from "~/domain/cases/dialogue.server";
import { createCase, routeCase, saveDraft, submitCase, withdrawCase } from "~/domain/cases/proposals.server";
import { runReminders } from "~/domain/cases/reminders.server";
import type { SessionUser } from "~/http/session.server";
import { startTestApp, type TestApp } from "../support/app";
import { upsertUser } from "~/domain/demo/factories.server";
import { exeBytes, pdfBytes, uploadForm } from "../support/files";
import { recipients } from "../support/smtp";
import { Client, DEMO, loginAs, sessionFor } from "../support/http";

let app: TestApp;

/** Moves the app's clock `days` ahead of the real time (until the test ends). */
const DAY = 24 * 60 * 60 * 1000;
const travel = (days: number) => setClock(() => new Date(Date.now() + days * DAY));

const user = async (email: string) => (await UserModel.findOne({ email }).lean()) as unknown as SessionUser;

const ideaContent = {
  summary: "Läxhjälp för barn i årskurs 4–6, två kvällar i veckan.",
  areas: ["laxhjalp"],
  contactName: "Lina",
  contactEmail: "lina@laxhjalpen.example",
};

async function draftIdea(title: string): Promise<{ c: CaseDoc; lina: SessionUser }> {
  const lina = await user(DEMO.orgAdminB);
  const org = await OrganisationModel.findOne({ orgNumber: "802500-6266" }).lean();
  if (!org) throw new Error("seed missing");
  let c = await createCase(org.registeredIn, org._id, lina, { kind: "idea", title });
  c = await saveDraft(c, lina, ideaContent, c.version);
  return { c, lina };
}

/** A submitted idea routed to Hans at Socialförvaltningen. */
async function routedIdea(title: string) {
  const { c, lina } = await draftIdea(title);
  const submitted = await submitCase(c, lina, c.version);
  if (!submitted.ok) throw new Error("not submitted");
  const social = await DepartmentModel.findOne({ slug: "social" }).lean();
  const hans = await user(DEMO.officer);
  const routed = await routeCase(submitted.case, await user(DEMO.coordinator), {
    departmentId: String(social?._id),
    officerId: String(hans._id),
    coReaderDepartmentIds: [],
    expectedVersion: submitted.case.version,
  });
  return { c: routed, lina, hans };
}

beforeAll(async () => {
  app = await startTestApp("cases");
});
afterAll(async () => app?.stop());

describe("submitting and registering", () => {
  it("gives 50 concurrent submissions 50 distinct, consecutive case numbers", async () => {
    const drafts = await Promise.all(Array.from({ length: 50 }, (_, i) => draftIdea(`Idé ${i}`)));
    const results = await Promise.all(drafts.map(({ c, lina }) => submitCase(c, lina, c.version)));
    const numbers = results.map((r) => (r.ok ? r.case.caseNumber : "")).sort();
    // The registration year in Swedish time (a run at 23:30 UTC on 31 December is next year there).
    const year = caseYear(results[0]?.ok ? (results[0].case.receivedAt ?? new Date()) : new Date());
    expect(numbers).toEqual(Array.from({ length: 50 }, (_, i) => `KS ${year}/${String(i + 1).padStart(4, "0")}`));
    // Fifty use cases at once on two shared cores: correctness is asserted, not speed.
  }, 120_000);

  it("registers the case: received date, document list with numbers, receipt email", async () => {
    const { c, lina } = await draftIdea("Läxhjälp på biblioteket");
    const result = await submitCase(c, lina, c.version);
    if (!result.ok) throw new Error("not submitted");
    const after = result.case;
    expect(after.status).toBe("submitted");
    expect(after.receivedAt).toBeInstanceOf(Date);
    const docs = await CaseDocumentModel.find({ caseId: c._id }).sort({ number: 1 }).lean();
    expect(docs.map((d) => [d.number, d.direction, d.title])).toEqual([
      [1, "incoming", "Idé: Läxhjälp på biblioteket"],
      [2, "outgoing", "Mottagningskvittens"],
    ]);
    const receipt = await OutboxModel.findOne({ idempotencyKey: new RegExp(`^receipt:${String(c._id)}`) }).lean();
    expect(receipt?.subject).toBe(`Kvittens: ${after.caseNumber} – Läxhjälp på biblioteket`);
    expect(receipt?.text).toContain(`/forslag/${String(c._id)}`);
  });

  it("lists what is missing instead of submitting an incomplete proposal", async () => {
    const lina = await user(DEMO.orgAdminB);
    const org = await OrganisationModel.findOne({ orgNumber: "802500-6266" }).lean();
    if (!org) throw new Error("seed missing");
    const c = await createCase(org.registeredIn, org._id, lina, { kind: "proposal", title: "Ofullständigt" });
    const result = await submitCase(c, lina, c.version);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.missing).toEqual(expect.arrayContaining(["summary", "need", "goals", "periodStart"]));
    expect((await loadCaseById(org.registeredIn, c._id))?.status).toBe("draft");
  });

  it("makes a double-clicked submit harmless: one event, one number, one receipt", async () => {
    const { c, lina } = await draftIdea("Dubbelklick");
    const [a, b] = await Promise.allSettled([submitCase(c, lina, c.version), submitCase(c, lina, c.version)]);
    const ok = [a, b].filter((r) => r.status === "fulfilled");
    expect(ok.length).toBeGreaterThanOrEqual(1);
    for (const r of [a, b]) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(CaseConflictError);
    expect(await CaseEventModel.countDocuments({ caseId: c._id, type: "submit" })).toBe(1);
    expect(await CaseDocumentModel.countDocuments({ caseId: c._id })).toBe(2);
    expect(await OutboxModel.countDocuments({ idempotencyKey: new RegExp(`^receipt:${String(c._id)}`) })).toBe(1);
  });
});

describe("routing", () => {
  it("lets one of two coordinators acting at once win; the other gets a conflict", async () => {
    const { c, lina } = await draftIdea("Krock");
    const submitted = await submitCase(c, lina, c.version);
    if (!submitted.ok) throw new Error("not submitted");
    const sara = await user(DEMO.coordinator);
    const admin = await user(DEMO.admin);
    const social = await DepartmentModel.findOne({ slug: "social" }).lean();
    const hans = await user(DEMO.officer);
    const input = {
      departmentId: String(social?._id),
      officerId: String(hans._id),
      coReaderDepartmentIds: [],
      expectedVersion: submitted.case.version,
    };
    const results = await Promise.allSettled([
      routeCase(submitted.case, sara, input),
      routeCase(submitted.case, admin, input),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.status === "rejected" && rejected.reason).toBeInstanceOf(CaseConflictError);
    const after = await loadCaseById(c.publicBodyId, c._id);
    expect(after?.status).toBe("in_dialogue");
    expect(await CaseEventModel.countDocuments({ caseId: c._id, type: "route" })).toBe(1);
  });

  it("refuses routing by an officer or the organisation, and routing a draft", async () => {
    const { c, lina } = await draftIdea("Fel roll");
    const hans = await user(DEMO.officer);
    const social = await DepartmentModel.findOne({ slug: "social" }).lean();
    const input = {
      departmentId: String(social?._id),
      officerId: String(hans._id),
      coReaderDepartmentIds: [],
      expectedVersion: c.version,
    };
    await expect(routeCase(c, await user(DEMO.coordinator), input)).rejects.toBeInstanceOf(TransitionError);
    const submitted = await submitCase(c, lina, c.version);
    if (!submitted.ok) throw new Error("not submitted");
    const v = { ...input, expectedVersion: submitted.case.version };
    await expect(routeCase(submitted.case, hans, v)).rejects.toMatchObject({ reason: "actor" });
    await expect(routeCase(submitted.case, lina, v)).rejects.toMatchObject({ reason: "actor" });
  });
});

describe("who may see a case (HTTP)", () => {
  it("shows a routed case to the office and its officer; refuses everyone else", async () => {
    const { c, lina } = await draftIdea("Synlighet");
    const submitted = await submitCase(c, lina, c.version);
    if (!submitted.ok) throw new Error("not submitted");
    const social = await DepartmentModel.findOne({ slug: "social" }).lean();
    const kultur = await DepartmentModel.findOne({ slug: "kultur-fritid" }).lean();
    const hans = await user(DEMO.officer);
    await routeCase(submitted.case, await user(DEMO.coordinator), {
      departmentId: String(social?._id),
      officerId: String(hans._id),
      coReaderDepartmentIds: [],
      expectedVersion: submitted.case.version,
    });
    await upsertUser({
      email: "kultur.handlaggare@exempelkommun.se",
      name: "Karl Kultur",
      password: DEMO.password,
      staff: { publicBodyId: c.publicBodyId, role: "officer", departmentIds: kultur ? [kultur._id] : [] },
    });
    const staffPage = `/handlaggning/arenden/${String(c._id)}`;
    const orgPage = `/forslag/${String(c._id)}`;

    for (const email of [DEMO.coordinator, DEMO.officer, DEMO.admin]) {
      const client = await loginAs(app.url, email);
      expect((await client.get(staffPage)).status, email).toBe(200);
      expect(await (await client.get("/handlaggning")).text(), email).toContain("Synlighet");
    }
    const linaClient = await loginAs(app.url, DEMO.orgAdminB);
    expect((await linaClient.get(orgPage)).status).toBe(200);
    expect((await linaClient.get(staffPage)).status).toBe(404);

    for (const email of [DEMO.orgAdminA, DEMO.politician, "kultur.handlaggare@exempelkommun.se"]) {
      const client = await loginAs(app.url, email);
      expect((await client.get(staffPage)).status, email).toBe(404);
      expect((await client.get(orgPage)).status, email).toBe(404);
      expect((await client.post(orgPage, { intent: "withdraw", version: "99" })).status, email).toBe(404);
      expect(await (await client.get("/handlaggning")).text(), email).not.toContain("Synlighet");
    }
    expect((await (await loginAs(app.url, DEMO.politician)).get("/handlaggning")).status).toBe(403);
    expect((await (await loginAs(app.url, DEMO.orgAdminA)).get("/handlaggning")).status).toBe(404);
    const stranger = await new Client(app.url).get(orgPage);
    expect(stranger.status).toBe(302);
    expect(stranger.headers.get("Location")).toContain("/logga-in");
  });

  it("refuses hostile input on the case forms with 4xx and changes nothing", async () => {
    const { c } = await draftIdea("Fientligt");
    const lina = await loginAs(app.url, DEMO.orgAdminB);
    const page = `/forslag/${String(c._id)}`;
    const big = "x".repeat(1024 * 1024);
    for (const body of [
      `intent=save&version=${c.version}&title[$ne]=`,
      `intent=save&version=${c.version}&summary=${big}`,
      `intent=save&version=${c.version}&requestedSekPerYear=mycket`,
      `intent=save&version=${c.version}&periodStart=2027-13-45`,
      `intent=save&version=${c.version}&areas=hemligt`,
      `intent=save&version=abc`,
    ]) {
      const res = await lina.post(page, body);
      expect(res.status, body.slice(0, 60)).toBe(400);
    }
    const after = await loadCaseById(c.publicBodyId, c._id);
    expect(after?.version).toBe(c.version);
    expect(after?.title).toBe("Fientligt");

    const newCase = await lina.post("/forslag/ny", "organisationId[$ne]=&kind=idea&title=x");
    expect(newCase.status).toBe(400);
    const otherOrg = await OrganisationModel.findOne({ orgNumber: "802400-1375" }).lean();
    const foreign = await lina.post("/forslag/ny", {
      organisationId: String(otherOrg?._id),
      kind: "idea",
      title: "Kapat",
    });
    expect(foreign.status).toBe(403);

    const sara = await loginAs(app.url, DEMO.coordinator);
    const routeRes = await sara.post(
      `/handlaggning/arenden/${String(c._id)}`,
      "intent=route&version=1&departmentId[$ne]=&officerId=x",
    );
    // A draft is not the municipality's yet: it does not exist for the office.
    expect(routeRes.status).toBe(404);
    const { c: fresh, lina: author } = await draftIdea("Operatorer i fördelningen");
    const submitted = await submitCase(fresh, author, fresh.version);
    if (!submitted.ok) throw new Error("not submitted");
    const injected = await sara.post(
      `/handlaggning/arenden/${String(fresh._id)}`,
      `intent=route&version=${submitted.case.version}&departmentId[$ne]=&officerId=x`,
    );
    expect(injected.status).toBe(400);
    expect((await loadCaseById(fresh.publicBodyId, fresh._id))?.status).toBe("submitted");
  });

  it("answers a stale form with 409 and shows the current state", async () => {
    const { c } = await draftIdea("Gammal version");
    const lina = await loginAs(app.url, DEMO.orgAdminB);
    const page = `/forslag/${String(c._id)}`;
    expect((await lina.post(page, { intent: "save", version: String(c.version), title: "Ny rubrik" })).status).toBe(
      302,
    );
    const stale = await lina.post(page, { intent: "save", version: String(c.version), title: "Överskriver inte" });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("Någon annan ändrade ärendet");
    expect((await loadCaseById(c.publicBodyId, c._id))?.title).toBe("Ny rubrik");
  });
});

describe("reminders", { timeout: 90_000 }, () => {
  afterEach(() => setClock(null));

  it("reminds the office once about a case not routed in time, however many instances run", async () => {
    const { c, lina } = await draftIdea("Glömt ärende");
    const submitted = await submitCase(c, lina, c.version);
    if (!submitted.ok) throw new Error("not submitted");
    travel(2);
    await runReminders();
    expect(
      await OutboxModel.countDocuments({ idempotencyKey: new RegExp(`^reminder:reminderUnrouted:${String(c._id)}:`) }),
    ).toBe(0);
    travel(10);
    await Promise.all([runReminders(), runReminders(), runReminders()]);
    await runReminders();
    const rows = await OutboxModel.find({
      idempotencyKey: new RegExp(`^reminder:reminderUnrouted:${String(c._id)}:`),
    }).lean();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.to).toBe("civilsamhalle@exempelkommun.se");
    expect(rows[0]?.subject).toBe(`Påminnelse: ${submitted.case.caseNumber} väntar på fördelning`);
  });

  it("never moves a stored case back to an older version when a slow writer arrives late", async () => {
    const { c, hans } = await routedIdea("Långsam skrivare");
    const after = await requestCompletion(c, hans, "Hur många?", c.version);
    const stored = await ProposalModel.findById(c._id).lean();
    expect(stored?.version).toBe(after.version);
    // The late second write of the earlier change.
    await applyVersion(c, c.version, { status: "in_dialogue" });
    const again = await ProposalModel.findById(c._id).lean();
    expect([again?.version, again?.status]).toEqual([after.version, "awaiting_completion"]);
  });

  it("reminds again after a new quiet spell, and a run that stopped before its claim sends nothing twice", async () => {
    const { c, hans } = await routedIdea("Tyst ärende");
    const inactivity = () =>
      OutboxModel.countDocuments({ idempotencyKey: new RegExp(`^reminder:reminderInactive:${String(c._id)}:`) });
    travel(20);
    await runReminders();
    const first = await inactivity();
    expect(first).toBe(2); // the officer and the office
    // A crash after queueing but before the claim: the next run queues nothing new.
    await ClaimModel.deleteMany({ _id: new RegExp(`^reminder:reminderInactive:${String(c._id)}:`) });
    await runReminders();
    expect(await inactivity()).toBe(first);
    // Activity, then another quiet spell of the same length: reminded again.
    const now = await loadCaseById(c.publicBodyId, c._id);
    if (!now) throw new Error("case missing");
    await postMessage(now, hans, "officer", { body: "Hur går det?", internal: false });
    travel(30);
    await runReminders();
    expect(await inactivity()).toBe(first);
    travel(40);
    await runReminders();
    expect(await inactivity()).toBe(first + 2);
  });

  it("reminds the organisation of an unanswered completion request", async () => {
    const { c: routed, hans } = await routedIdea("Obesvarad fråga");
    const c = routed;
    await requestCompletion(routed, hans, "Hur många deltagare?", routed.version);
    travel(8);
    await runReminders();
    const row = await OutboxModel.findOne({
      idempotencyKey: new RegExp(`^reminder:reminderCompletion:${String(c._id)}:`),
    }).lean();
    expect(row?.to).toBe("lina@laxhjalpen.example");
    expect(row?.text).toContain(`/forslag/${String(c._id)}`);
  });
});

describe("an idea written up as a proposal stays a registered case", () => {
  it(
    "stays in the inbox, on the staff pages and with its dialogue; the officer is told when it arrives",
    { timeout: 150_000 },
    async () => {
      const { c: routed, lina, hans } = await routedIdea("Skrivs om till förslag");
      await postMessage(routed, hans, "officer", { body: "Välkomna att skriva ett förslag.", internal: false });
      const before = await loadCaseById(routed.publicBodyId, routed._id);
      const converted = await convertToProposal(before!, lina, before!.version);
      expect([converted.status, converted.kind, converted.caseNumber]).toEqual([
        "preparing_proposal",
        "proposal",
        routed.caseNumber,
      ]);

      const staffPage = `/handlaggning/arenden/${String(routed._id)}`;
      const [sara, officer, org] = await Promise.all([
        sessionFor(app.url, DEMO.coordinator),
        sessionFor(app.url, DEMO.officer),
        sessionFor(app.url, DEMO.orgAdminB),
      ]);
      const page = await sara.get(staffPage);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Organisationen skriver fullständigt förslag");
      for (const client of [sara, officer]) {
        const inbox = await client.get(`/handlaggning?q=${encodeURIComponent(routed.caseNumber ?? "")}`);
        expect(await inbox.text()).toContain("Skrivs om till förslag");
      }
      const orgPage = await (await org.get(`/forslag/${String(routed._id)}`)).text();
      expect(orgPage).toContain("Välkomna att skriva ett förslag.");
      expect(orgPage).toContain("Ni skriver det fullständiga förslaget");

      const full = {
        ...ideaContent,
        need: "Många barn saknar stöd med läxor.",
        targetGroup: "Barn i årskurs 4–6.",
        activities: "Läxhjälp två kvällar i veckan.",
        periodStart: new Date("2027-01-15T00:00:00Z"),
        periodEnd: new Date("2028-12-31T00:00:00Z"),
        generalInterest: "Öppen för alla barn.",
        addedValue: "Volontärer som förebilder.",
        ownContributionDescription: "Volontärtid och material.",
        requestedSekPerYear: 0,
        goals: [{ goal: "30 barn varje vecka", indicator: "antal deltagare" }],
      };
      const saved = await saveDraft(converted, lina, full, converted.version);
      const result = await submitCase(saved, lina, saved.version);
      if (!result.ok) throw new Error(`not submitted: ${result.missing.join(", ")}`);
      expect(result.case.status).toBe("in_dialogue");
      expect(result.case.caseNumber).toBe(routed.caseNumber);

      // The outbox may still be sending the earlier tests' mail: allow it time.
      const receipt = await app.smtp.waitFor(
        (m) => recipients(m).includes(DEMO.orgAdminB) && (m.text ?? "").includes("redan handlägger"),
        60_000,
      );
      expect(receipt.text).toContain("Hans Handläggare");
      expect(receipt.text).not.toContain("utser en ansvarig förvaltning");
      const arrived = await app.smtp.waitFor(
        (m) => recipients(m).includes(DEMO.officer) && /fullständiga förslaget har kommit in/.test(m.subject ?? ""),
        60_000,
      );
      expect(arrived.text).toContain(staffPage);
    },
  );

  it("tells the office when a new idea arrives", { timeout: 90_000 }, async () => {
    const { c, lina } = await draftIdea("Helt ny idé till kontoret");
    const result = await submitCase(c, lina, c.version);
    if (!result.ok) throw new Error("not submitted");
    const mail = await app.smtp.waitFor(
      (m) =>
        recipients(m).includes("civilsamhalle@exempelkommun.se") &&
        (m.subject ?? "").includes(`Nytt ärende att fördela: ${result.case.caseNumber}`),
      60_000,
    );
    expect(mail.text).toContain(`/handlaggning/arenden/${String(c._id)}`);
  });
});

describe("a change and everything it causes", () => {
  it("is finished by the next reader when the writer stopped after the event: entries, messages and emails once", async () => {
    const { c, hans } = await routedIdea("Avbruten skrivning");
    // The first write only, as a process that died right after it would leave things.
    const { seq } = await writeEvent(c, { type: "requestCompletion", actor: hans }, { status: "awaiting_completion" }, [
      {
        kind: "message",
        key: "completionRequest",
        message: {
          kind: "completionRequest",
          authorId: hans._id,
          authorName: hans.name,
          fromOrganisation: false,
          body: "Hur många är ni?",
        },
      },
      {
        kind: "document",
        ref: "completion:{seq}",
        entry: { direction: "outgoing", title: "Begäran om komplettering", sender: hans.name },
      },
      {
        kind: "email",
        key: `completionRequest:${String(c._id)}:{seq}:lina@laxhjalpen.example`,
        to: "lina@laxhjalpen.example",
        email: {
          template: "notice",
          notice: "completionRequest",
          locale: "sv",
          caseNumber: "",
          title: c.title,
          name: hans.name,
          url: "http://example.invalid/forslag",
          sender: { office: "Civilsamhällskontoret", email: "", phone: "", url: "" },
        },
      },
    ]);
    for (let i = 0; i < 2; i++) {
      const read = await loadCaseById(c.publicBodyId, c._id);
      expect([read?.status, read?.version]).toEqual(["awaiting_completion", seq]);
    }
    expect(await CaseMessageModel.countDocuments({ caseId: c._id, kind: "completionRequest" })).toBe(1);
    const entries = await CaseDocumentModel.find({ caseId: c._id, title: "Begäran om komplettering" }).lean();
    expect(entries).toHaveLength(1);
    const mail = await OutboxModel.find({
      idempotencyKey: `completionRequest:${String(c._id)}:${seq}:lina@laxhjalpen.example`,
    }).lean();
    expect(mail).toHaveLength(1);
    expect(mail[0]?.subject).toBe(`${c.caseNumber}: handläggaren ber om komplettering`);
    expect((await CaseEventModel.findOne({ caseId: c._id, seq }).lean())?.effectsPending).toBeUndefined();
  });

  it("answers a form sent again after it succeeded as done, not as a conflict", async () => {
    const { c } = await routedIdea("Skickad två gånger");
    const officer = await sessionFor(app.url, DEMO.officer);
    const page = `/handlaggning/arenden/${String(c._id)}`;
    const form = { intent: "requestCompletion", version: String(c.version), question: "Hur många?" };
    const first = await officer.post(page, form);
    const again = await officer.post(page, form);
    expect([first.status, again.status]).toEqual([302, 302]);
    expect(await CaseMessageModel.countDocuments({ caseId: c._id, kind: "completionRequest" })).toBe(1);
    expect(await CaseEventModel.countDocuments({ caseId: c._id, type: "requestCompletion" })).toBe(1);
  });
});

describe("permission before state", () => {
  it("refuses a co-reading officer's assessment and decision with 403, whatever the case's state", async () => {
    const { c: draft, lina } = await draftIdea("Samläsning");
    const submitted = await submitCase(draft, lina, draft.version);
    if (!submitted.ok) throw new Error("not submitted");
    const [social, culture] = await Promise.all([
      DepartmentModel.findOne({ slug: "social" }).lean(),
      DepartmentModel.findOne({ slug: "kultur-fritid" }).lean(),
    ]);
    const reader = await upsertUser({
      email: "samlasare@exempelkommun.se",
      name: "Sam Läsare",
      staff: { publicBodyId: draft.publicBodyId, role: "officer", departmentIds: [culture!._id] },
    });
    const routed = await routeCase(submitted.case, await user(DEMO.coordinator), {
      departmentId: String(social?._id),
      officerId: String((await user(DEMO.officer))._id),
      coReaderDepartmentIds: [String(culture?._id)],
      expectedVersion: submitted.case.version,
    });
    const client = await sessionFor(app.url, reader.email);
    const page = `/handlaggning/arenden/${String(routed._id)}`;
    expect((await client.get(page)).status).toBe(200);
    const v = String(routed.version);
    expect((await client.post(page, { intent: "startAssessment", version: v })).status).toBe(403);
    const decision = {
      intent: "decide",
      version: v,
      outcome: "approved",
      decidedBy: "committee",
      decisionMakerName: "Nämnden",
      decisionDate: "2026-11-24",
      protocolRef: "§ 1",
      justification: "Bra.",
      decisionMakerHasNoConflict: "on",
    };
    expect((await client.post(page, decision)).status).toBe(403);
    expect((await ProposalModel.findById(routed._id).lean())?.status).toBe("in_dialogue");
  });

  it("answers 404 when an organisation confirms another organisation's meeting invitation", async () => {
    const { c: routed, hans } = await routedIdea("Möte hos någon annan");
    await inviteToMeeting(routed, hans, "officer", {
      meetingDate: new Date("2027-01-15T00:00:00Z"),
      meetingTime: "10:00",
      place: "Stadshuset",
      message: "Välkomna!",
    });
    const invite = await CaseMessageModel.findOne({ caseId: routed._id, kind: "meetingInvite" }).lean();
    // Anna's own case, with Lina's invitation.
    const anna = await user(DEMO.orgAdminA);
    const annaOrg = await OrganisationModel.findOne({ orgNumber: "802400-1375" }).lean();
    const own = await createCase(annaOrg!.registeredIn, annaOrg!._id, anna, { kind: "idea", title: "Annas" });
    const client = await sessionFor(app.url, DEMO.orgAdminA);
    const res = await client.post(`/forslag/${String(own._id)}`, {
      intent: "confirmMeeting",
      messageId: String(invite?._id),
    });
    expect(res.status).toBe(404);
    expect((await CaseMessageModel.findById(invite?._id).lean())?.confirmedAt).toBeUndefined();
  });
});

describe("hostile input on dialogue, assessment and decision forms", () => {
  it("answers 4xx with field messages and changes nothing", async () => {
    const { c: routed } = await routedIdea("Fientlig dialog");
    const c = routed;
    const staffPage = `/handlaggning/arenden/${String(c._id)}`;
    const officer = await loginAs(app.url, DEMO.officer);
    const big = "x".repeat(1024 * 1024);
    const v = routed.version;
    for (const body of [
      `intent=message&body[$ne]=`,
      `intent=message&body=${big}`,
      `intent=note&note=`,
      `intent=meeting&meetingDate=igår&participants=A&minutes=B`,
      `intent=meeting&meetingDate=2026-11-20&participants[$gt]=&minutes=B`,
      `intent=requestCompletion&version=${v}&question=`,
      `intent=reassign&version=${v}&departmentId=abc&officerId=def&reason=x`,
      `intent=declareConflict&version=${v}&declaration=kanske`,
      `intent=saveAssessment&version=${v}&checks.noMarket.answer=kanske`,
      `intent=decide&version=${v}&outcome=approved&decidedBy=committee&decisionMakerName=N&decisionDate=2026-11-24&protocolRef=%C2%A7+1&justification=J`,
    ]) {
      const res = await officer.post(staffPage, body);
      expect(res.status, body.slice(0, 70)).toBe(400);
    }
    const org = await loginAs(app.url, DEMO.orgAdminB);
    for (const body of [`intent=message&body=${big}`, `intent=answerCompletion&version=${v}&answer[$ne]=`]) {
      const res = await org.post(`/forslag/${String(c._id)}`, body);
      expect(res.status, body.slice(0, 70)).toBe(400);
    }
    const after = await loadCaseById(c.publicBodyId, c._id);
    expect(after?.version).toBe(routed.version);
    expect(after?.status).toBe("in_dialogue");
  });

  it("keeps internal notes from the organisation and refuses them from it", async () => {
    const { c, lina } = await draftIdea("Interna saker");
    const submitted = await submitCase(c, lina, c.version);
    if (!submitted.ok) throw new Error("not submitted");
    const org = await loginAs(app.url, DEMO.orgAdminB);
    const res = await org.post(`/forslag/${String(c._id)}`, { intent: "note", note: "försök" });
    expect(res.status).toBe(400);
    const sara = await loginAs(app.url, DEMO.coordinator);
    expect(
      (await sara.post(`/handlaggning/arenden/${String(c._id)}`, { intent: "note", note: "HEMLIG-NOTERING-99" }))
        .status,
    ).toBe(302);
    const page = await (await org.get(`/forslag/${String(c._id)}`)).text();
    expect(page).not.toContain("HEMLIG-NOTERING-99");
    expect(await (await sara.get(`/handlaggning/arenden/${String(c._id)}`)).text()).toContain("HEMLIG-NOTERING-99");
  });
});

describe("attachments", () => {
  it("stores attachments in GridFS, registers them on submission, and serves them only to readers of the case", async () => {
    const { c } = await draftIdea("Med bilaga");
    const lina = await loginAs(app.url, DEMO.orgAdminB);
    const page = `/forslag/${String(c._id)}`;
    const ok = await lina.post(
      page,
      uploadForm({ intent: "attach", title: "Budget 2027" }, { name: "budget.pdf", bytes: pdfBytes() }),
    );
    expect(ok.status).toBe(302);
    const refused = await lina.post(
      page,
      uploadForm({ intent: "attach", title: "Program" }, { name: "program.pdf", bytes: exeBytes() }),
    );
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Filtypen stöds inte");
    const big = await lina.post(
      page,
      uploadForm(
        { intent: "attach", title: "Stor" },
        { name: "stor.pdf", bytes: Buffer.concat([pdfBytes(), Buffer.alloc(10 * 1024 * 1024)]) },
      ),
    );
    expect(big.status).toBe(413);

    const current = await loadCaseById(c.publicBodyId, c._id);
    if (!current) throw new Error("missing");
    const result = await submitCase(current, await user(DEMO.orgAdminB), current.version);
    expect(result.ok).toBe(true);
    const docs = await CaseDocumentModel.find({ caseId: c._id }).sort({ number: 1 }).lean();
    expect(docs.map((d) => d.title)).toContain("Bilaga: Budget 2027");

    const html = await (await lina.get(page)).text();
    const href = /href="(\/forslag\/[a-f0-9]+\/bilagor\/[a-f0-9]+)"/.exec(html)?.[1];
    if (!href) throw new Error("no attachment link");
    const download = await lina.get(href);
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Disposition")).toMatch(/^attachment; filename="budget.pdf"/);
    expect(Buffer.from(await download.arrayBuffer()).equals(pdfBytes())).toBe(true);
    expect((await (await loginAs(app.url, DEMO.coordinator)).get(href)).status).toBe(200);
    for (const email of [DEMO.orgAdminA, DEMO.politician]) {
      expect((await (await loginAs(app.url, email)).get(href)).status, email).toBe(404);
    }
    expect((await new Client(app.url).get(href)).status).toBe(302);
  });
});

describe("a draft never sent", () => {
  it("is deleted with its attachments and events, not withdrawn", async () => {
    const { c } = await draftIdea("Borttaget utkast");
    const lina = await sessionFor(app.url, DEMO.orgAdminB);
    const page = `/forslag/${String(c._id)}`;
    const attached = await lina.post(
      page,
      uploadForm({ intent: "attach", title: "Skiss" }, { name: "skiss.pdf", bytes: pdfBytes() }),
    );
    expect(attached.status).toBe(302);
    const current = await loadCaseById(c.publicBodyId, c._id);
    if (!current) throw new Error("missing");
    const res = await lina.post(page, { intent: "withdraw", version: String(current.version) });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/forslag");
    expect(await ProposalModel.findById(c._id).lean()).toBeNull();
    expect(await CaseEventModel.countDocuments({ caseId: c._id })).toBe(0);
    expect(await DocumentModel.countDocuments({ caseId: c._id })).toBe(0);
    expect((await lina.get(page)).status).toBe(404);
  });

  it("is either submitted or deleted when both are asked at once, never both", async () => {
    const { c, lina } = await draftIdea("Samtidigt");
    const results = await Promise.allSettled([submitCase(c, lina, c.version), withdrawCase(c, lina, c.version)]);
    const stored = await loadCaseById(c.publicBodyId, c._id);
    if (stored) {
      expect(stored.status).toBe("submitted");
      expect(results[1].status).toBe("rejected");
    } else {
      expect(results[0].status).toBe("rejected");
      expect(await CaseEventModel.countDocuments({ caseId: c._id })).toBe(0);
    }
  });
});

describe("email language", () => {
  it("writes to each recipient in the language they chose", async () => {
    await UserModel.updateOne({ email: DEMO.orgAdminB }, { $set: { locale: "en" } });
    try {
      const { c, lina } = await draftIdea("Språk");
      const result = await submitCase(c, lina, c.version);
      if (!result.ok) throw new Error("not submitted");
      const receipt = await OutboxModel.findOne({ idempotencyKey: new RegExp(`^receipt:${String(c._id)}`) }).lean();
      expect(receipt?.subject).toBe(`Receipt: ${result.case.caseNumber} – Språk`);
      expect(receipt?.text).toContain("has submitted your idea “Språk”");
    } finally {
      await UserModel.updateOne({ email: DEMO.orgAdminB }, { $set: { locale: "sv" } });
    }
  });
});

describe("confidentiality mark", () => {
  it("is set by staff, recorded, and refused to the organisation", async () => {
    const { c } = await routedIdea("Känsligt");
    const page = `/handlaggning/arenden/${String(c._id)}`;
    const sara = await loginAs(app.url, DEMO.coordinator);
    expect((await sara.post(page, { intent: "setConfidential", confidential: "on" })).status).toBe(302);
    expect(await (await sara.get(page)).text()).toContain("Ja, delar kan omfattas av sekretess");
    expect((await loadCaseById(c.publicBodyId, c._id))?.confidential).toBe(true);
    expect(await CaseEventModel.countDocuments({ caseId: c._id, type: "confidentialityChanged" })).toBe(1);
    const lina = await loginAs(app.url, DEMO.orgAdminB);
    expect((await lina.post(page, { intent: "setConfidential" })).status).toBe(404);
    // An officer of another department, a politician and a stranger cannot change it either.
    const kultur = await DepartmentModel.findOne({ slug: "kultur-fritid" }).lean();
    const other = `kultur.sekretess-${Date.now()}@exempelkommun.se`;
    await upsertUser({
      email: other,
      name: "Kim Kultur",
      password: DEMO.password,
      staff: { publicBodyId: c.publicBodyId, role: "officer", departmentIds: [kultur!._id] },
    });
    for (const who of [other, DEMO.politician]) {
      const client = await loginAs(app.url, who);
      expect((await client.post(page, { intent: "setConfidential" })).status, who).toBe(404);
    }
    expect((await new Client(app.url).post(page, { intent: "setConfidential" })).status).toBe(302);
    expect((await loadCaseById(c.publicBodyId, c._id))?.confidential).toBe(true);
    expect(await CaseEventModel.countDocuments({ caseId: c._id, type: "confidentialityChanged" })).toBe(1);
  });
});

describe("inbox filters", () => {
  it("filters by department, officer, organisation, area and age, and searches case numbers", async () => {
    const { c } = await routedIdea("Filtrerbar");
    const routed = await loadCaseById(c.publicBodyId, c._id);
    const social = await DepartmentModel.findOne({ slug: "social" }).lean();
    const kultur = await DepartmentModel.findOne({ slug: "kultur-fritid" }).lean();
    const hans = await user(DEMO.officer);
    const org = await OrganisationModel.findOne({ orgNumber: "802500-6266" }).lean();
    const other = await OrganisationModel.findOne({ orgNumber: "802400-1375" }).lean();
    const sara = await loginAs(app.url, DEMO.coordinator);
    const list = async (query: string) => (await sara.get(`/handlaggning?${query}`)).text();
    expect(await list(`department=${String(social?._id)}`)).toContain("Filtrerbar");
    expect(await list(`department=${String(kultur?._id)}`)).not.toContain("Filtrerbar");
    expect(await list(`officer=${String(hans._id)}`)).toContain("Filtrerbar");
    expect(await list(`organisation=${String(org?._id)}&area=laxhjalp`)).toContain("Filtrerbar");
    expect(await list(`organisation=${String(other?._id)}`)).not.toContain("Filtrerbar");
    expect(await list("olderThan=30")).not.toContain("Filtrerbar");
    // Days since the last activity: a case just routed is not quiet; ten days on with nothing new, it is.
    expect(await list("quietFor=1")).not.toContain("Filtrerbar");
    clockFrom(new Date(Date.now() + 10 * 24 * 60 * 60 * 1000 + 60_000).toISOString());
    try {
      const later = await loginAs(app.url, DEMO.coordinator);
      const html = (await (await later.get("/handlaggning?quietFor=10&q=Filtrerbar")).text()).replaceAll(
        "<!-- -->",
        "",
      );
      expect(html).toContain("Filtrerbar");
      expect(html).toContain('data-label="Dagar utan aktivitet"><div>10</div>');
      expect(await (await later.get("/handlaggning?quietFor=11&q=Filtrerbar")).text()).not.toContain("Filtrerbar</a>");
    } finally {
      setClock(null);
    }
    expect(await list(`q=${encodeURIComponent(routed?.caseNumber ?? "x")}`)).toContain("Filtrerbar");
    expect(await list(`q=${encodeURIComponent("läxhjälpen exempelstad")}`)).toContain("Filtrerbar");
    expect(await list(`q=${encodeURIComponent("Gröna Gården")}&organisation=${String(org?._id)}`)).not.toContain(
      "Filtrerbar",
    );
    expect(await list("q=%28%5B.*&sort=oldest")).not.toContain("Filtrerbar"); // regex characters are literal
    expect((await sara.get("/handlaggning?department[$ne]=x&page=-4&sort=evil")).status).toBe(200);
    // Odd day filters are ignored, never an error.
    for (const q of ["quietFor[$ne]=1", "quietFor=<script>", "quietFor=-3", `quietFor=${"9".repeat(5000)}`])
      expect((await sara.get(`/handlaggning?${q}&q=Filtrerbar`)).status, q.slice(0, 20)).toBe(200);
  });
});

describe("messages with attachments", () => {
  it("carries a checked file with a shared message, registered and readable by both sides", async () => {
    const { c } = await routedIdea("Meddelande med fil");
    const lina = await loginAs(app.url, DEMO.orgAdminB);
    const orgPage = `/forslag/${String(c._id)}`;
    const sent = await lina.post(
      orgPage,
      uploadForm({ intent: "message", body: "Här är budgeten." }, { name: "budget.pdf", bytes: pdfBytes() }),
    );
    expect(sent.status).toBe(302);
    const withoutFile = await lina.post(orgPage, uploadForm({ intent: "message", body: "Bara text." }));
    expect(withoutFile.status).toBe(302);
    const hans = await loginAs(app.url, DEMO.officer);
    const staffPage = `/handlaggning/arenden/${String(c._id)}`;
    const bad = await hans.post(
      staffPage,
      uploadForm({ intent: "message", body: "Program" }, { name: "x.pdf", bytes: exeBytes() }),
    );
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Filtypen stöds inte");
    const html = await (await hans.get(staffPage)).text();
    const href = /href="(\/forslag\/[a-f0-9]+\/bilagor\/[a-f0-9]+)"[^>]*>Bifogad fil/.exec(html)?.[1];
    if (!href) throw new Error("no attachment link in the dialogue");
    expect((await hans.get(href)).status).toBe(200);
    expect((await lina.get(href)).status).toBe(200);
    const docs = await CaseDocumentModel.find({ caseId: c._id }).lean();
    expect(docs.some((d) => d.title === "Bilaga: budget.pdf")).toBe(true);
  });
});

describe("the organisation's documents on the case page", () => {
  it("are readable by the case's officer through the case, and by nobody else that way", async () => {
    const org = await OrganisationModel.findOne({ orgNumber: "802500-6266" }).lean();
    const lina = await loginAs(app.url, DEMO.orgAdminB);
    const up = await lina.post(
      `/organisation/${String(org?._id)}`,
      uploadForm(
        { intent: "upload", kind: "statutes", title: "Stiftelseurkund" },
        { name: "urkund.pdf", bytes: pdfBytes() },
      ),
    );
    expect(up.status).toBe(302);
    const { c } = await routedIdea("Med stadgar");
    const hans = await loginAs(app.url, DEMO.officer);
    const html = await (await hans.get(`/handlaggning/arenden/${String(c._id)}`)).text();
    const href = /href="(\/handlaggning\/arenden\/[a-f0-9]+\/organisationsdokument\/[a-f0-9]+)"/.exec(html)?.[1];
    if (!href) throw new Error("no document link on the case page");
    const dl = await hans.get(href);
    expect(dl.status).toBe(200);
    expect(Buffer.from(await dl.arrayBuffer()).equals(pdfBytes())).toBe(true);
    for (const email of ["kultur.handlaggare@exempelkommun.se", DEMO.politician, DEMO.orgAdminA]) {
      expect((await (await loginAs(app.url, email)).get(href)).status, email).toBe(404);
    }
    // Officers still have no general access to organisations' documents.
    expect((await hans.get(`/organisation/${String(org?._id)}`)).status).toBe(200);
    expect(await (await hans.get(`/organisation/${String(org?._id)}`)).text()).not.toContain("Stiftelseurkund");
  });
});

describe("routing without JavaScript", () => {
  it("posts the department shown: another department than the listed officers' routes nothing and lists its officers", async () => {
    const { caseInStatus } = await import("~/domain/demo/factories.server");
    const { laxhjalpenCast } = await import("../support/cast");
    const c = await caseInStatus("submitted", await laxhjalpenCast(), "Fördelas utan skript");
    const social = await DepartmentModel.findOne({ slug: "social" }).lean();
    const kultur = await DepartmentModel.findOne({ slug: "kultur-fritid" }).lean();
    const hans = await user(DEMO.officer);
    const sara = await sessionFor(app.url, DEMO.coordinator);
    const page = `/handlaggning/arenden/${String(c._id)}`;
    // The department select is part of the routing form.
    const html = await (await sara.get(`${page}?forvaltning=${String(social?._id)}`)).text();
    const form = html.slice(
      html.indexOf('id="route-heading"'),
      html.indexOf("</form>", html.indexOf('id="route-heading"')),
    );
    expect(form).toContain('name="departmentId"');
    expect(form).toContain('name="intent" value="showOfficers"');
    // Kultur chosen in the select, Hans (social) still listed: nothing is routed; Kultur's officers are shown.
    const mixed = await sara.post(page, {
      intent: "route",
      version: String(c.version),
      departmentId: String(kultur?._id),
      officerId: String(hans._id),
    });
    expect([mixed.status, mixed.headers.get("Location")]).toEqual([
      302,
      `${page}?forvaltning=${String(kultur?._id)}#route-heading`,
    ]);
    expect((await ProposalModel.findById(c._id).lean())?.status).toBe("submitted");
    expect(await (await sara.follow(mixed)).text()).toContain(
      "Ärendet är inte fördelat. Välj en handläggare på den förvaltning du valde.",
    );
    // "Visa förvaltningens handläggare" shows the chosen department's officers.
    const shown = await sara.post(page, { intent: "showOfficers", departmentId: String(social?._id) });
    expect(shown.headers.get("Location")).toBe(`${page}?forvaltning=${String(social?._id)}#route-heading`);
    expect((await sara.post(page, { intent: "showOfficers", "departmentId[$ne]": "" })).status).toBe(400);
    // Only staff who may read the case reach its routing form: the organisation and a politician get 404.
    for (const who of [DEMO.orgAdminB, DEMO.politician]) {
      const client = await sessionFor(app.url, who);
      const res = await client.post(page, { intent: "showOfficers", departmentId: String(social?._id) });
      expect(res.status, who).toBe(404);
    }
    // The department shown with its own officer: routed there.
    const routed = await sara.post(page, {
      intent: "route",
      version: String(c.version),
      departmentId: String(social?._id),
      officerId: String(hans._id),
    });
    expect(routed.status).toBe(302);
    const after = await ProposalModel.findById(c._id).lean();
    expect([after?.status, String(after?.routing?.departmentId)]).toEqual(["in_dialogue", String(social?._id)]);
  });
});
