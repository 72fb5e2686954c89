import { createHash } from "node:crypto";
import { addMonths } from "date-fns";
import { Types } from "mongoose";
import {
  AgreementCommentModel,
  AgreementVersionModel,
  agreementVersionId,
  type AgreementSection,
  type AgreementState,
  type AgreementTerms,
  type AgreementVersion,
  type Signature,
  type Signer,
} from "#models/agreement";
import { DocumentModel } from "#models/document";
import { DepartmentModel } from "#models/department";
import { OrganisationModel } from "#models/organisation";
import { PublicBodyModel } from "#models/public-body";
import { UserModel } from "#models/user";
import { mayOnCase, type CaseAction, type CaseRelation } from "../access/policy";
import { relationOf } from "../access/ability.server";
import type { CaseEffect } from "../cases/effects";
import {
  CaseConflictError,
  caseTrail,
  idFromKey,
  loadCaseById,
  recordChange,
  transition,
  type CaseDoc,
} from "../cases/engine.server";
import { noticeEffects, staffRecipients } from "../cases/notices.server";
import { clockNow } from "../kernel/clock";
import { verifyPassword } from "../kernel/crypto.server";
import type { SessionUser } from "../identity/session.server";
import { agreementText, firstDraft, SECTION_KEYS } from "./agreement-text";
import { compareVersions } from "./diff";
import { ledgerTotals, quarterlyPlan } from "./ledger";
import { nextReport, reportSchedule } from "./follow-up";
import { caseRows } from "../cases/read-model.server";
import { agreementPdf } from "./pdf.server";
import { storeDocument } from "../records/documents.server";

// The IOP agreement's use cases (docs/domain.md, "The agreement"): the first draft from the
// approved case, staff's saved versions, comments per section, sending a version for signing
// and each signature; the last one makes the agreement active. Every change goes through the
// case's engine (one event each, 409 on a race); a version's text is insert-only.

export type AgreementRefusal = "actor" | "status" | "signer" | "password" | "signers" | "unchanged";

export class AgreementError extends Error {
  constructor(readonly reason: AgreementRefusal) {
    super(`agreement.refused.${reason}`);
  }
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

function requireAction(action: CaseAction, user: SessionUser, c: CaseDoc) {
  const actor = relationOf(user, c);
  if (!mayOnCase(action, actor)) throw new AgreementError("actor");
  return actor;
}

const versionEffect = (
  user: SessionUser,
  number: number,
  sections: AgreementSection[],
  terms: AgreementTerms,
): CaseEffect => ({
  kind: "agreementVersion",
  version: { number, sections, ...terms, authorId: user._id, authorName: user.name },
});

/** The organisation's members, in the order they joined: who may read, comment and sign for it. */
async function organisationMembers(c: CaseDoc) {
  const members = await UserModel.find({ "orgMemberships.organisationId": c.organisationId })
    .select("name email orgMemberships")
    .lean();
  return members.map((m) => ({ id: String(m._id), name: m.name, email: m.email }));
}

/** One click: the first version, made from the proposal and the decision. */
export async function createAgreementDraft(c: CaseDoc, user: SessionUser, expectedVersion: number) {
  requireAction("draftAgreement", user, c);
  if (c.status !== "approved" || c.agreement) throw new AgreementError("status");
  if (expectedVersion !== c.version) throw new CaseConflictError();
  const [org, department, body] = await Promise.all([
    OrganisationModel.findById(c.organisationId).lean(),
    c.routing ? DepartmentModel.findById(c.routing.departmentId).select("name").lean() : null,
    PublicBodyModel.findById(c.publicBodyId).select("name").lean(),
  ]);
  const terms: AgreementTerms = {
    start: c.periodStart,
    end: c.periodEnd,
    noticeMonths: 3,
    municipalSekPerYear: c.decision?.contributionPerYearSek ?? c.requestedSekPerYear ?? 0,
  };
  const sections = firstDraft(
    {
      publicBody: body?.name ?? "",
      department: department?.name ?? "",
      organisation: {
        name: org?.name ?? "",
        orgNumber: org?.orgNumber ?? "",
        address: [org?.streetAddress, [org?.postalCode, org?.city].filter(Boolean).join(" ")]
          .filter(Boolean)
          .join(", "),
      },
      ...c,
    },
    terms,
  );
  const to = (await organisationMembers(c)).map((m) => m.email);
  const { case: after } = await recordChange(
    c,
    { type: "agreementDrafted", actor: user, data: { number: 1 }, idempotencyKey: `${String(c._id)}:agreement:1` },
    { agreement: { number: 1, sections, ...terms } },
    [versionEffect(user, 1, sections, terms), ...(await noticeEffects(c, "agreementDraft", to, user.name, false))],
  );
  return after;
}

export interface AgreementDraftInput extends AgreementTerms {
  sections: Record<string, string>;
}

/** Staff save the text: each save that changes something is a new numbered version. */
export async function saveAgreementDraft(
  c: CaseDoc,
  user: SessionUser,
  input: AgreementDraftInput,
  expectedVersion: number,
) {
  requireAction("draftAgreement", user, c);
  // Out for signing, signed or ended: the text waits (a change means reopening or a new agreement).
  if (c.status !== "approved" || !c.agreement) throw new AgreementError("status");
  if (expectedVersion !== c.version) throw new CaseConflictError();
  const current = c.agreement;
  const sections = SECTION_KEYS.map((key) => ({ key, text: input.sections[key] ?? "" }));
  const terms: AgreementTerms = {
    start: input.start,
    end: input.end,
    noticeMonths: input.noticeMonths,
    municipalSekPerYear: input.municipalSekPerYear,
  };
  const same = (n: number) =>
    agreementText({ number: n, sections, ...terms }) === agreementText({ ...current, number: n });
  if (same(current.number)) throw new AgreementError("unchanged");
  const number = current.number + 1;
  const { case: after } = await recordChange(
    c,
    { type: "agreementSaved", actor: user, data: { number } },
    { agreement: { number, sections, ...terms } },
    [versionEffect(user, number, sections, terms)],
  );
  return after;
}

/** A comment on one section of the current draft; the other side is told. */
export async function commentOnAgreement(c: CaseDoc, user: SessionUser, input: { section: string; body: string }) {
  const actor = requireAction("commentAgreement", user, c);
  if (!c.agreement || !["approved", "agreement_pending_signatures"].includes(c.status)) {
    throw new AgreementError("status");
  }
  if (!SECTION_KEYS.includes(input.section as (typeof SECTION_KEYS)[number])) throw new AgreementError("status");
  const fromOrganisation = actor === "organisation";
  const to = fromOrganisation ? await staffRecipients(c) : (await organisationMembers(c)).map((m) => m.email);
  await recordChange(c, { type: "agreementComment", actor: user, data: { section: input.section } }, {}, [
    {
      kind: "agreementComment",
      key: "comment",
      comment: {
        section: input.section,
        number: c.agreement.number,
        authorId: user._id,
        authorName: user.name,
        fromOrganisation,
        body: input.body,
      },
    },
    ...(await noticeEffects(c, "agreementComment", to, user.name, fromOrganisation)),
  ]);
}

/** Who may be asked to sign: the organisation's members, and staff who may act on the case. */
export async function signerChoices(c: CaseDoc) {
  const staff = await UserModel.find({ "staffMemberships.publicBodyId": c.publicBodyId })
    .select("name email staffMemberships orgMemberships")
    .lean();
  const municipality = staff
    .filter((u) => mayOnCase("signAgreement", relationOf(u as unknown as SessionUser, c)))
    .map((u) => ({ id: String(u._id), name: u.name }));
  const organisation = (await organisationMembers(c)).map(({ id, name }) => ({ id, name }));
  return { organisation, municipality };
}

/**
 * Sends the current version for signing by the organisation's authorised signatories and the
 * municipality's delegate. The text's hash is fixed now; editing waits until it is reopened.
 */
export async function sendForSigning(
  c: CaseDoc,
  user: SessionUser,
  input: { organisationSignerIds: string[]; delegateId: string },
  expectedVersion: number,
) {
  requireAction("sendForSigning", user, c);
  if (!c.agreement) throw new AgreementError("status");
  const choices = await signerChoices(c);
  const orgSigners = input.organisationSignerIds.map((id) => choices.organisation.find((m) => m.id === id));
  const delegate = choices.municipality.find((m) => m.id === input.delegateId);
  if (!orgSigners.length || orgSigners.some((s) => !s) || !delegate) throw new AgreementError("signers");
  const [org, body] = await Promise.all([
    OrganisationModel.findById(c.organisationId).select("name").lean(),
    PublicBodyModel.findById(c.publicBodyId).select("name").lean(),
  ]);
  const signers: Signer[] = [
    ...orgSigners.flatMap((s) =>
      s
        ? [
            {
              userId: idOf(s.id),
              name: s.name,
              party: "organisation" as const,
              role: `Firmatecknare för ${org?.name ?? ""}`,
            },
          ]
        : [],
    ),
    {
      userId: idOf(delegate.id),
      name: delegate.name,
      party: "municipality",
      role: `Företrädare för ${body?.name ?? ""} enligt delegation`,
    },
  ];
  const agreement = c.agreement;
  const hash = sha256(agreementText(agreement));
  const emails = await UserModel.find({ _id: { $in: signers.map((s) => s.userId) } })
    .select("email")
    .lean();
  const { case: after } = await transition(c, "sendForSigning", user, {
    expectedVersion,
    shared: true,
    data: { number: agreement.number },
    patch: {
      agreement: {
        ...agreement,
        signing: { number: agreement.number, hash, sentAt: clockNow(), signers, signatures: [] },
      },
    },
    effects: [
      {
        kind: "document",
        ref: `agreement-sent:${agreement.number}`,
        entry: {
          direction: "outgoing",
          title: `Överenskommelse, version ${agreement.number}, för underskrift`,
          sender: user.name,
        },
      },
      ...(await noticeEffects(
        c,
        "agreementToSign",
        emails.map((e) => e.email),
        user.name,
        false,
      )),
    ],
  });
  return after;
}

const idOf = (id: string) => new Types.ObjectId(id);

/** Back to drafting before everyone has signed; the signatures given lapse with the version. */
export async function reopenAgreement(c: CaseDoc, user: SessionUser, expectedVersion: number) {
  requireAction("reopenAgreement", user, c);
  if (!c.agreement) throw new AgreementError("status");
  const { signing: _lapsed, ...agreement } = c.agreement;
  const { case: after } = await transition(c, "reopenAgreement", user, {
    expectedVersion,
    shared: true,
    patch: { agreement: agreement as AgreementState },
  });
  return after;
}

/**
 * A designated signer signs the version out for signing, after giving their password again.
 * The record keeps time, account, IP and the SHA-256 of the exact text. Signing twice (a double
 * click, a retry) records one signature; two signers at once both land (the loser retries).
 */
export async function signAgreement(c: CaseDoc, user: SessionUser, input: { password: string; ip: string }) {
  requireAction("signAgreement", user, c);
  const account = await UserModel.findById(user._id).select("passwordHash").lean();
  if (!account?.passwordHash || !(await verifyPassword(account.passwordHash, input.password))) {
    throw new AgreementError("password");
  }
  let current: CaseDoc | null = c;
  for (let attempt = 0; attempt < 5 && current; attempt++) {
    const signing = current.agreement?.signing;
    if (current.status !== "agreement_pending_signatures" || !signing) {
      // Signed meanwhile by this very request's twin: the signature is there, nothing to do.
      if (signing?.signatures.some((s) => s.userId.equals(user._id))) return current;
      throw new AgreementError("status");
    }
    const signer = signing.signers.find((s) => s.userId.equals(user._id));
    if (!signer) throw new AgreementError("signer");
    if (signing.signatures.some((s) => s.userId.equals(user._id))) return current;
    // The hash is of the version stored when it was sent: a signature is of exactly that text.
    const version = await AgreementVersionModel.findById(agreementVersionId(c._id, signing.number)).lean();
    if (!version || sha256(agreementText(version)) !== signing.hash) throw new AgreementError("status");
    const signature = { ...signer, at: clockNow(), ip: input.ip, hash: signing.hash };
    const last = signing.signatures.length + 1 === signing.signers.length;
    const everyone = last
      ? await UserModel.find({ _id: { $in: signing.signers.map((s) => s.userId) } })
          .select("email")
          .lean()
      : [];
    // The last signature brings the signed PDF: stored first, then named by the change and
    // mailed to both parties with it.
    const signatures = [...signing.signatures, signature];
    const pdf = last ? await storeSignedPdf(current, user, version, signatures, signing.hash) : null;
    const withPdf = (effects: CaseEffect[]) =>
      effects.map((e) => (e.kind === "email" && pdf ? { ...e, attachmentId: pdf._id } : e));
    try {
      const { case: after } = await transition(current, "signAgreement", user, {
        expectedVersion: current.version,
        shared: true,
        data: { number: signing.number, last },
        patch: {
          agreement: {
            ...current.agreement!,
            signing: { ...signing, signatures, documentId: pdf?._id },
            // In force: the payment plan the text promises starts the ledger.
            ...(last ? { plan: planFor(current.agreement!) } : {}),
          },
        },
        effects: pdf
          ? [
              {
                kind: "document",
                ref: `agreement-signed:${signing.number}`,
                entry: {
                  direction: "internal",
                  title: `Överenskommelse, version ${signing.number}, undertecknad`,
                  sender: "",
                  documentId: pdf._id,
                },
              },
              ...withPdf(
                await noticeEffects(
                  current,
                  "agreementActive",
                  everyone.map((e) => e.email),
                  user.name,
                  false,
                ),
              ),
              ...withPdf(
                await noticeEffects(current, "agreementActive", await staffRecipients(current), user.name, true),
              ),
            ]
          : [],
      });
      return after;
    } catch (error) {
      if (!(error instanceof CaseConflictError)) throw error;
      current = await loadCaseById(c.publicBodyId, c._id);
    }
  }
  throw new CaseConflictError();
}

const planFor = (a: AgreementState) => (a.start && a.end ? quarterlyPlan(a.start, a.end, a.municipalSekPerYear) : []);

function requireActive(c: CaseDoc): AgreementState {
  if (c.status !== "active" || !c.agreement) throw new AgreementError("status");
  return c.agreement;
}

/** Staff record a payment of the municipal contribution (a stale form, e.g. a double click, is 409). */
export async function recordPayment(
  c: CaseDoc,
  user: SessionUser,
  input: { paidOn: Date; amountSek: number; reference: string },
  expectedVersion: number,
) {
  requireAction("recordPayment", user, c);
  const agreement = requireActive(c);
  if (expectedVersion !== c.version) throw new CaseConflictError();
  const payments = [...(agreement.payments ?? []), { ...input, recordedBy: user.name }];
  const { case: after } = await recordChange(
    c,
    { type: "paymentRecorded", actor: user, data: { amountSek: input.amountSek } },
    { agreement: { ...agreement, payments } },
  );
  return after;
}

/**
 * The organisation's follow-up report on a year of the term, with the own contribution it
 * delivered (which becomes that year's reported contribution). A report may be sent again only
 * when the officer asked for more.
 */
export async function submitReport(
  c: CaseDoc,
  user: SessionUser,
  input: {
    year: number;
    narrative: string;
    indicators: string;
    moneySek: number;
    volunteerHours: number;
    inKind: string;
  },
  expectedVersion: number,
) {
  requireAction("reportContribution", user, c);
  const agreement = requireActive(c);
  if (expectedVersion !== c.version) throw new CaseConflictError();
  const scheduled = agreement.start && agreement.end ? reportSchedule(agreement.start, agreement.end) : [];
  const earlier = agreement.reports?.find((r) => r.year === input.year);
  if (!scheduled.some((s) => s.year === input.year) || (earlier && earlier.status !== "completionRequested")) {
    throw new AgreementError("status");
  }
  const report = {
    year: input.year,
    narrative: input.narrative,
    indicators: input.indicators,
    status: "submitted" as const,
    submittedBy: user.name,
    submittedAt: clockNow(),
  };
  const reports = [...(agreement.reports ?? []).filter((r) => r.year !== input.year), report].sort(
    (a, b) => a.year - b.year,
  );
  const ownContributions = [
    ...(agreement.ownContributions ?? []).filter((o) => o.year !== input.year),
    {
      year: input.year,
      moneySek: input.moneySek,
      volunteerHours: input.volunteerHours,
      inKind: input.inKind,
      reportedBy: user.name,
    },
  ].sort((a, b) => a.year - b.year);
  const org = await OrganisationModel.findById(c.organisationId).select("name").lean();
  const { case: after } = await recordChange(
    c,
    { type: "reportSubmitted", actor: user, data: { year: input.year } },
    { agreement: { ...agreement, reports, ownContributions } },
    [
      {
        kind: "document",
        ref: `report:${input.year}:{seq}`,
        entry: { direction: "incoming", title: `Uppföljningsrapport ${input.year}`, sender: org?.name ?? user.name },
      },
      ...(await noticeEffects(c, "reportSubmitted", await staffRecipients(c), user.name, true)),
    ],
  );
  return after;
}

/** The officer approves a report, or asks for more with a comment the organisation reads. */
export async function assessReport(
  c: CaseDoc,
  user: SessionUser,
  input: { year: number; outcome: "approved" | "completionRequested"; comment: string },
  expectedVersion: number,
) {
  requireAction("assessReport", user, c);
  const agreement = requireActive(c);
  if (expectedVersion !== c.version) throw new CaseConflictError();
  const report = agreement.reports?.find((r) => r.year === input.year);
  if (!report || report.status !== "submitted") throw new AgreementError("status");
  const assessed = {
    ...report,
    status: input.outcome,
    assessment: { comment: input.comment, by: user.name, at: clockNow() },
  };
  const reports = (agreement.reports ?? []).map((r) => (r.year === input.year ? assessed : r));
  const to = (await organisationMembers(c)).map((m) => m.email);
  const { case: after } = await recordChange(
    c,
    { type: "reportAssessed", actor: user, data: { year: input.year, outcome: input.outcome } },
    { agreement: { ...agreement, reports } },
    [
      {
        kind: "document",
        ref: `report-assessed:${input.year}:{seq}`,
        entry: { direction: "outgoing", title: `Bedömning av uppföljningsrapport ${input.year}`, sender: user.name },
      },
      ...(await noticeEffects(c, "reportAssessed", to, user.name, false)),
    ],
  );
  return after;
}

/**
 * Either party gives notice with a reason: the agreement then ends after the notice period
 * (or on its own end date, if that comes first), by the end job. Both parties are told.
 */
export async function terminateAgreement(
  c: CaseDoc,
  user: SessionUser,
  input: { reason: string },
  expectedVersion: number,
) {
  const actor = requireAction("terminateAgreement", user, c);
  const agreement = requireActive(c);
  if (agreement.termination) throw new AgreementError("status");
  if (expectedVersion !== c.version) throw new CaseConflictError();
  const at = clockNow();
  // 30 November + 3 months is 28 February, not 2 March (date-fns clamps to the month's end).
  const notice = addMonths(at, agreement.noticeMonths);
  const effectiveOn = agreement.end && agreement.end < notice ? agreement.end : notice;
  const party = actor === "organisation" ? ("organisation" as const) : ("municipality" as const);
  const members = (await organisationMembers(c)).map((m) => m.email);
  const { case: after } = await recordChange(
    c,
    { type: "agreementTerminated", actor: user, data: { date: effectiveOn.toISOString().slice(0, 10) } },
    {
      agreement: {
        ...agreement,
        end: effectiveOn,
        termination: { byName: user.name, party, reason: input.reason, at, effectiveOn },
      },
    },
    [
      {
        kind: "document",
        ref: "agreement-terminated:{seq}",
        entry: {
          direction: party === "organisation" ? "incoming" : "outgoing",
          title: "Uppsägning av överenskommelsen",
          sender: user.name,
        },
      },
      ...(await noticeEffects(c, "agreementTerminated", members, user.name, false)),
      ...(await noticeEffects(c, "agreementTerminated", await staffRecipients(c), user.name, true)),
    ],
  );
  return after;
}

/**
 * The end job: every active agreement whose end date has passed (Swedish time) ends, once,
 * however many instances run it at the same moment (the change's event is the lock).
 */
export async function endDueAgreements(now = clockNow()) {
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(now);
  const due = (await caseRows()).filter(
    (r) => r.status === "active" && r.agreement?.end && r.agreement.end.toISOString().slice(0, 10) < today,
  );
  let ended = 0;
  for (const row of due) {
    const c = await loadCaseById(row.publicBodyId, row._id);
    if (!c || c.status !== "active") continue;
    try {
      const members = (await organisationMembers(c)).map((m) => m.email);
      const { repeated } = await transition(c, "endAgreement", null, {
        expectedVersion: c.version,
        shared: true,
        system: true,
        effects: [
          ...(await noticeEffects(c, "agreementEnded", members, "Samverka", false)),
          ...(await noticeEffects(c, "agreementEnded", await staffRecipients(c), "Samverka", true)),
        ],
      });
      if (!repeated) ended++;
    } catch (error) {
      // Another instance ended it, or someone changed the case a moment ago: the next run sees.
      if (!(error instanceof CaseConflictError)) throw error;
    }
  }
  return ended;
}

/** Renders the signed version as PDF/A and stores it with the case's documents (GridFS). */
async function storeSignedPdf(
  c: CaseDoc,
  user: SessionUser,
  version: AgreementVersion,
  signatures: Signature[],
  hash: string,
) {
  const body = await PublicBodyModel.findById(c.publicBodyId).select("name").lean();
  const caseNumber = c.caseNumber ?? "";
  const bytes = await agreementPdf({
    caseNumber,
    title: c.title,
    publicBody: body?.name ?? "",
    version,
    signatures,
    hash,
  });
  return storeDocument({
    publicBodyId: c.publicBodyId,
    organisationId: c.organisationId,
    caseId: c._id,
    uploadedBy: user._id,
    kind: "agreement",
    title: `Överenskommelse ${caseNumber}, version ${version.number}, undertecknad`,
    file: {
      bytes,
      type: { ext: "pdf", mime: "application/pdf" },
      name: `overenskommelse-${caseNumber.replace(/\W+/g, "-")}-version-${version.number}.pdf`,
    },
  });
}

/** The signed PDF of the agreement, for those who may read the case; null before signing ends. */
export async function signedAgreementDocument(c: CaseDoc) {
  const id = c.agreement?.signing?.documentId;
  return id ? DocumentModel.findById(id).lean() : null;
}

/** What the agreement page shows, to staff or to the organisation; `null` before a draft exists. */
export async function agreementView(c: CaseDoc, user: SessionUser, actor: CaseRelation) {
  const a = c.agreement;
  if (!a) return null;
  const [versions, trail] = await Promise.all([
    Promise.all(
      Array.from({ length: a.number }, (_, i) =>
        AgreementVersionModel.findById(agreementVersionId(c._id, i + 1))
          .select("number authorName at")
          .lean(),
      ),
    ),
    caseTrail(c),
  ]);
  const commentIds = trail.flatMap((e) =>
    ((e.effects ?? []) as CaseEffect[]).flatMap((effect) =>
      effect.kind === "agreementComment" ? [idFromKey(`${String(c._id)}:${e.seq}:${effect.key}`)] : [],
    ),
  );
  const comments = (await Promise.all(commentIds.map((id) => AgreementCommentModel.findById(id).lean()))).flatMap(
    (x) => (x ? [x] : []),
  );
  const signing = a.signing;
  const mine = signing?.signers.find((s) => s.userId.equals(user._id));
  return {
    number: a.number,
    text: agreementText(a),
    sections: SECTION_KEYS.map((key) => ({
      key,
      text: a.sections.find((s) => s.key === key)?.text ?? "",
      comments: comments
        .filter((cm) => cm.section === key)
        .map((cm) => ({
          id: String(cm._id),
          author: cm.authorName,
          fromOrganisation: cm.fromOrganisation,
          body: cm.body,
          number: cm.number,
          at: cm.at.toISOString(),
        })),
    })),
    terms: {
      start: a.start?.toISOString().slice(0, 10) ?? "",
      end: a.end?.toISOString().slice(0, 10) ?? "",
      noticeMonths: a.noticeMonths,
      municipalSekPerYear: a.municipalSekPerYear,
    },
    versions: versions.flatMap((v) => (v ? [{ number: v.number, author: v.authorName, at: v.at.toISOString() }] : [])),
    signing: signing
      ? {
          number: signing.number,
          hash: signing.hash,
          signers: signing.signers.map((s) => {
            const signed = signing.signatures.find((x) => x.userId.equals(s.userId));
            return { name: s.name, party: s.party, role: s.role, at: signed?.at.toISOString() ?? null };
          }),
        }
      : null,
    termination: a.termination
      ? {
          byName: a.termination.byName,
          party: a.termination.party,
          reason: a.termination.reason,
          effectiveOn: a.termination.effectiveOn.toISOString().slice(0, 10),
        }
      : null,
    pdf: signing?.documentId ? `/forslag/${String(c._id)}/avtal/pdf` : null,
    ledger:
      c.status === "active" || c.status === "ended"
        ? {
            ...ledgerTotals(a.plan ?? [], a.payments ?? [], a.ownContributions ?? []),
            payments: (a.payments ?? []).map((p, i) => ({
              id: String(i),
              paidOn: p.paidOn.toISOString().slice(0, 10),
              amountSek: p.amountSek,
              reference: p.reference,
              recordedBy: p.recordedBy,
            })),
          }
        : null,
    followUp: (() => {
      if (!(c.status === "active" || c.status === "ended") || !a.start || !a.end) return null;
      const schedule = reportSchedule(a.start, a.end);
      const reports = a.reports ?? [];
      return {
        next: nextReport(schedule, reports),
        // Years the organisation may report on now: none yet, or more was asked for.
        open: schedule
          .filter((s) => {
            const r = reports.find((x) => x.year === s.year);
            return !r || r.status === "completionRequested";
          })
          .map((s) => s.year),
        goals: a.sections.find((s) => s.key === "goals")?.text ?? "",
        reports: reports.map((r) => ({
          year: r.year,
          narrative: r.narrative,
          indicators: r.indicators,
          status: r.status,
          submittedBy: r.submittedBy,
          submittedAt: r.submittedAt.toISOString(),
          assessment: r.assessment
            ? { comment: r.assessment.comment, by: r.assessment.by, at: r.assessment.at.toISOString() }
            : null,
        })),
      };
    })(),
    mySigning:
      mine && c.status === "agreement_pending_signatures" && !signing?.signatures.some((s) => s.userId.equals(user._id))
        ? { role: mine.role, party: mine.party }
        : null,
    may: {
      edit: mayOnCase("draftAgreement", actor) && c.status === "approved",
      comment: mayOnCase("commentAgreement", actor) && ["approved", "agreement_pending_signatures"].includes(c.status),
      send: mayOnCase("sendForSigning", actor) && c.status === "approved",
      reopen: mayOnCase("reopenAgreement", actor) && c.status === "agreement_pending_signatures",
      recordPayment: mayOnCase("recordPayment", actor) && c.status === "active",
      assessReport: mayOnCase("assessReport", actor) && c.status === "active",
      terminate: mayOnCase("terminateAgreement", actor) && c.status === "active" && !a.termination,
      reportContribution: mayOnCase("reportContribution", actor) && c.status === "active",
    },
  };
}

export type AgreementView = NonNullable<Awaited<ReturnType<typeof agreementView>>>;

/** Two versions compared, section by section; null when either does not exist. */
export async function agreementDiff(c: CaseDoc, from: number, to: number) {
  const [a, b] = await Promise.all(
    [from, to].map((n) => AgreementVersionModel.findById(agreementVersionId(c._id, n)).lean()),
  );
  if (!a || !b) return null;
  return { from, to, sections: compareVersions(a, b) };
}

/** Everything the agreement page needs, for staff (with the signer choices) or the organisation. */
export async function agreementPage(
  c: CaseDoc,
  user: SessionUser,
  actor: CaseRelation,
  options: { staff: boolean; from: number; to: number },
) {
  const view = await agreementView(c, user, actor);
  const [diff, choices] = await Promise.all([
    view && options.from && options.to ? agreementDiff(c, options.from, options.to) : null,
    view?.may.send ? signerChoices(c) : null,
  ]);
  return {
    case: { id: String(c._id), title: c.title, caseNumber: c.caseNumber ?? null, status: c.status, version: c.version },
    view,
    diff,
    choices,
    back: options.staff ? `/handlaggning/arenden/${String(c._id)}` : `/forslag/${String(c._id)}`,
    staff: options.staff,
  };
}
