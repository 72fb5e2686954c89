import type { Types } from "mongoose";
import {
  AgreementCommentModel,
  AgreementVersionModel,
  agreementVersionId,
  type AgreementComment,
  type AgreementTerms,
  type AgreementVersion,
} from "#models/agreement";
import { DocumentModel } from "#models/document";
import { mayOnCase, type CaseRelation } from "../access/policy";
import type { CaseEffect } from "../cases/effects";
import { caseTrail, idFromKey, type CaseDoc } from "../cases/engine.server";
import type { SessionUser } from "../identity/sessions.server";
import { listCaseAttachments } from "../records/documents.server";
import { agreementText, SECTION_KEYS } from "./agreement-text";
import { compareVersions } from "./diff";
import { nextReport, reportableYears, reportSchedule } from "./follow-up";
import { ledgerTotals, paymentSchedule } from "./ledger";
import { signerChoices } from "./drafting.server";
import { ensureSignedPdf, signingMethod } from "./signing.server";
import { actsForOrganisation, latestNumber, openDraft, versionOf } from "./shared.server";
import { dayOf, swedishToday } from "../kernel/days";
import { clockNow } from "../kernel/clock";
import { readUnchangingById } from "../kernel/by-id.server";

// What the agreement page shows (docs/domain.md, "The agreement"): the text being written or in
// force, its comments and versions, the signing, the ledger, the follow-up and what the person
// may do now. Reads only `_id` lookups: the case, its trail, versions, comments, files.

const day = (d: Date | undefined) => (d ? dayOf(d) : "");
const termsView = (t: AgreementTerms) => ({
  start: day(t.start),
  end: day(t.end),
  noticeMonths: t.noticeMonths,
  municipalSekPerYear: t.municipalSekPerYear,
  partners: (t.partners ?? []).map((p) => ({ name: p.name, orgNumber: p.orgNumber })),
});

async function commentsOf(c: CaseDoc) {
  const trail = await caseTrail(c);
  const ids = trail.flatMap((e) =>
    ((e.effects ?? []) as CaseEffect[]).flatMap((effect) =>
      effect.kind === "agreementComment" ? [idFromKey(`${String(c._id)}:${e.seq}:${effect.key}`)] : [],
    ),
  );
  return (
    await Promise.all(
      ids.map((id) =>
        readUnchangingById<AgreementComment & { _id: Types.ObjectId }>(
          AgreementCommentModel,
          id,
          undefined,
          c.publicBodyId,
        ),
      ),
    )
  ).flatMap((x) => (x ? [x] : []));
}

const pdfHref = (c: CaseDoc, number?: number) =>
  `/forslag/${String(c._id)}/avtal/pdf${number === undefined ? "" : `?version=${number}`}`;

/** What the agreement page shows, to staff or to the organisation; `null` before a draft exists. */
export async function agreementView(c: CaseDoc, user: SessionUser, actor: CaseRelation) {
  const a = c.agreement;
  if (!a) return null;
  const open = openDraft(c);
  // The text on the page: the one being written, or else the one in force.
  const shown = open?.draft ?? a;
  const living = c.status === "active" || c.status === "ended";
  const reportFileIds = (a.reports ?? []).flatMap((r) => r.attachmentIds ?? []);
  const [versions, comments, reportFiles] = await Promise.all([
    Promise.all(
      Array.from({ length: latestNumber(a) }, (_, i) =>
        readUnchangingById<AgreementVersion>(
          AgreementVersionModel,
          agreementVersionId(c._id, i + 1),
          "number authorName at",
          c.publicBodyId,
        ),
      ),
    ),
    open ? commentsOf(c) : [],
    listCaseAttachments(c, reportFileIds),
  ]);
  const signing = open?.draft.signing ?? a.signing;
  const pending = open?.draft.signing && open.draft.signing.signatures.length < open.draft.signing.signers.length;
  const mine = pending ? signing?.signers.find((s) => s.userId.equals(user._id)) : undefined;
  const editable = Boolean(open && !open.draft.signing && c.status !== "agreement_pending_signatures");
  const may = (action: Parameters<typeof mayOnCase>[0]) => mayOnCase(action, actor);
  return {
    number: shown.number,
    text: agreementText(shown),
    sections: SECTION_KEYS.map((key) => ({
      key,
      text: shown.sections.find((s) => s.key === key)?.text ?? "",
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
    terms: termsView(shown),
    /** The agreement in force while a change to it is written (null otherwise). */
    inForce: open?.amendment ? { number: a.number, terms: termsView(a), pdf: pdfHref(c) } : null,
    amendment: a.amendment
      ? {
          kind: a.amendment.kind,
          basedOn: a.amendment.basedOn,
          reason: a.amendment.reason,
          startedBy: a.amendment.startedBy,
          startedAt: a.amendment.startedAt.toISOString(),
        }
      : null,
    earlier: (a.earlier ?? []).map((e) => ({
      number: e.number,
      signedAt: e.signedAt.toISOString(),
      pdf: e.documentId ? pdfHref(c, e.number) : null,
    })),
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
          effectiveOn: day(a.termination.effectiveOn),
        }
      : null,
    pdf: a.signing?.documentId && living ? pdfHref(c) : null,
    ledger: living
      ? {
          ...ledgerTotals(a.plan ?? [], a.payments ?? [], a.ownContributions ?? []),
          schedule: paymentSchedule(a.plan ?? [], a.payments ?? [], swedishToday(clockNow())).map((p) => ({
            ...p,
            date: day(p.date),
          })),
          payments: (a.payments ?? []).map((p, i) => ({
            id: String(i),
            paidOn: day(p.paidOn),
            amountSek: p.amountSek,
            reference: p.reference,
            recordedBy: p.recordedBy,
          })),
        }
      : null,
    followUp: (() => {
      if (!living || !a.start || !a.end) return null;
      const schedule = reportSchedule(a.start, a.end);
      const reports = a.reports ?? [];
      return {
        next: nextReport(schedule, reports),
        open: reportableYears(schedule, reports, day(a.start), swedishToday(clockNow())),
        goals: a.sections.find((s) => s.key === "goals")?.text ?? "",
        reports: reports.map((r) => ({
          year: r.year,
          narrative: r.narrative,
          indicators: r.indicators,
          status: r.status,
          submittedBy: r.submittedBy,
          submittedAt: r.submittedAt.toISOString(),
          attachments: reportFiles
            .filter((f) => r.attachmentIds?.some((id) => id.equals(f._id)))
            .map((f) => ({
              id: String(f._id),
              title: f.title,
              href: `/forslag/${String(c._id)}/bilagor/${String(f._id)}`,
            })),
          assessment: r.assessment
            ? { comment: r.assessment.comment, by: r.assessment.by, at: r.assessment.at.toISOString() }
            : null,
        })),
        meetings: (a.meetings ?? []).map((m, i) => ({
          id: String(i),
          heldOn: day(m.heldOn),
          participants: m.participants,
          minutes: m.minutes,
          loggedBy: m.loggedBy,
        })),
      };
    })(),
    mySigning:
      mine && !signing?.signatures.some((s) => s.userId.equals(user._id))
        ? { role: mine.role, party: mine.party }
        : null,
    may: {
      edit: may("draftAgreement") && editable,
      comment: may("commentAgreement") && Boolean(open),
      send: may("sendForSigning") && editable,
      reopen: may("reopenAgreement") && Boolean(pending),
      amend: may("amendAgreement") && c.status === "active" && !a.amendment && !a.termination,
      withdrawAmendment: may("amendAgreement") && c.status === "active" && Boolean(a.amendment),
      recordPayment: may("recordPayment") && c.status === "active",
      assessReport: may("assessReport") && c.status === "active",
      logMeeting: may("followUpMeeting") && c.status === "active",
      terminate:
        may("terminateAgreement") &&
        (actor !== "organisation" || actsForOrganisation(user, c)) &&
        c.status === "active" &&
        !a.termination,
      reportContribution: may("reportContribution") && c.status === "active",
    },
  };
}

export type AgreementView = NonNullable<Awaited<ReturnType<typeof agreementView>>>;

/** Two versions compared, section by section; null when either does not exist. */
export async function agreementDiff(c: CaseDoc, from: number, to: number) {
  const [a, b] = await Promise.all([from, to].map((n) => versionOf(c, n)));
  if (!a || !b) return null;
  return { from, to, sections: compareVersions(a, b) };
}

/** Everything the agreement page needs, for staff (with the signer choices) or the organisation. */
export async function agreementPage(
  c: CaseDoc,
  user: SessionUser,
  actor: CaseRelation,
  options: { staff: boolean; from: number; to: number; session: string | null },
) {
  const view = await agreementView(c, user, actor);
  const [diff, choices, signWith] = await Promise.all([
    view && options.from && options.to ? agreementDiff(c, options.from, options.to) : null,
    view?.may.send ? signerChoices(c) : null,
    view?.mySigning ? signingMethod(options.session, c, user) : null,
  ]);
  return {
    case: { id: String(c._id), title: c.title, caseNumber: c.caseNumber ?? null, status: c.status, version: c.version },
    view,
    diff,
    choices,
    // A co-organisation has the agreement alone, not the case: back to its start page.
    back: options.staff
      ? `/handlaggning/arenden/${String(c._id)}`
      : actor === "partner"
        ? "/mina-sidor"
        : `/forslag/${String(c._id)}`,
    staff: options.staff,
    signWith,
  };
}

/** A signed PDF of the agreement: the one in force, or an earlier signed version by number. */
export async function signedAgreementDocument(c: CaseDoc, number?: number) {
  const a = c.agreement;
  // Only a completed signing has a PDF.
  const id =
    number === undefined || number === a?.signing?.number
      ? a?.signing?.documentId
      : a?.earlier?.find((e) => e.number === number)?.documentId;
  if (!id) return null;
  const doc = await DocumentModel.findOne({ _id: id, publicBodyId: c.publicBodyId }).lean();
  if (doc || id !== a?.signing?.documentId) return doc;
  // The signing was recorded but its PDF not yet stored (a stop between the two): store it now.
  await ensureSignedPdf(c);
  return DocumentModel.findOne({ _id: id, publicBodyId: c.publicBodyId }).lean();
}
