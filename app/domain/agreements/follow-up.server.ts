import type { Types } from "mongoose";
import { OrganisationModel } from "#models/organisation";
import type { CaseEffect } from "../cases/effects";
import { CaseConflictError, recordChange, type CaseDoc } from "../cases/engine.server";
import { noticeEffects, staffRecipients } from "../cases/notices.server";
import { clockNow } from "../kernel/clock";
import type { SessionUser } from "../identity/sessions.server";
import type { UploadedFile } from "../records/documents.server";
import { storeCaseAttachment } from "../records/documents.server";
import { reportSchedule, yearHasBegun } from "./follow-up";
import { AgreementError, partyMembers, requireAction, requireActive } from "./shared.server";
import { dayOf, swedishToday } from "../kernel/days";

// Living with the agreement in force (docs/domain.md, "The agreement"): payments of the
// municipal contribution, the organisation's yearly follow-up reports with their assessment,
// and the joint follow-up meetings. Each is one change of the case (409 on a stale form).

/** Staff record a payment of the municipal contribution (a stale form, e.g. a double click, is 409). */
export async function recordPayment(
  c: CaseDoc,
  user: SessionUser,
  input: { paidOn: Date; amountSek: number; reference: string },
  expectedVersion: number,
) {
  requireAction("recordPayment", user, c);
  const agreement = requireActive(c);
  const payments = [...(agreement.payments ?? []), { ...input, recordedBy: user.name }];
  const { case: after } = await recordChange(
    c,
    { expectedVersion, type: "paymentRecorded", actor: user, data: { amountSek: input.amountSek } },
    { agreement: { ...agreement, payments } },
  );
  return after;
}

export interface ReportInput {
  year: number;
  narrative: string;
  indicators: string;
  moneySek: number;
  volunteerHours: number;
  inKind: string;
}

/**
 * The organisation's follow-up report on a year of the term, with the own contribution it
 * delivered (which becomes that year's reported contribution) and, if it likes, a file. A report
 * may be sent again only when the officer asked for more.
 */
export async function submitReport(
  c: CaseDoc,
  user: SessionUser,
  input: ReportInput & { file?: UploadedFile | null; fileTitle?: string },
  expectedVersion: number,
) {
  requireAction("reportContribution", user, c);
  const agreement = requireActive(c);
  // Checked here as well as at the commit: a stale form must not store its file first.
  if (expectedVersion !== c.version) throw new CaseConflictError();
  const scheduled = agreement.start && agreement.end ? reportSchedule(agreement.start, agreement.end) : [];
  const earlier = agreement.reports?.find((r) => r.year === input.year);
  if (!scheduled.some((s) => s.year === input.year) || (earlier && earlier.status !== "completionRequested")) {
    throw new AgreementError("status");
  }
  if (!yearHasBegun(input.year, dayOf(agreement.start!), swedishToday(clockNow()))) {
    throw new AgreementError("notStarted");
  }
  const org = await OrganisationModel.findById(c.organisationId).select("name").lean();
  const sender = org?.name ?? user.name;
  // The file is stored first; a crash before the change leaves an unlisted file, never a report
  // that names a file that is not there.
  const file = input.file
    ? await storeCaseAttachment(
        c,
        user._id,
        input.fileTitle || `Bilaga till uppföljningsrapport ${input.year}`,
        input.file,
      )
    : null;
  const attachmentIds: Types.ObjectId[] = [...(earlier?.attachmentIds ?? []), ...(file ? [file._id] : [])];
  const report = {
    year: input.year,
    narrative: input.narrative,
    indicators: input.indicators,
    status: "submitted" as const,
    submittedBy: user.name,
    submittedAt: clockNow(),
    attachmentIds,
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
  const fileEntry: CaseEffect[] = file
    ? [
        {
          kind: "document",
          ref: `attachment:${String(file._id)}`,
          entry: { direction: "incoming", title: `Bilaga: ${file.title}`, sender, documentId: file._id },
        },
      ]
    : [];
  const { case: after } = await recordChange(
    c,
    { expectedVersion, type: "reportSubmitted", actor: user, data: { year: input.year } },
    { agreement: { ...agreement, reports, ownContributions } },
    [
      {
        kind: "document",
        ref: `report:${input.year}:{seq}`,
        entry: { direction: "incoming", title: `Uppföljningsrapport ${input.year}`, sender },
      },
      ...fileEntry,
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
  const report = agreement.reports?.find((r) => r.year === input.year);
  if (!report || report.status !== "submitted") throw new AgreementError("status");
  const assessed = {
    ...report,
    status: input.outcome,
    assessment: { comment: input.comment, by: user.name, at: clockNow() },
  };
  const reports = (agreement.reports ?? []).map((r) => (r.year === input.year ? assessed : r));
  const to = (await partyMembers(c)).map((m) => m.email);
  const { case: after } = await recordChange(
    c,
    { expectedVersion, type: "reportAssessed", actor: user, data: { year: input.year, outcome: input.outcome } },
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

/** Staff log a joint follow-up meeting with its minutes; the organisation reads them and is told. */
export async function logFollowUpMeeting(
  c: CaseDoc,
  user: SessionUser,
  input: { heldOn: Date; participants: string; minutes: string },
  expectedVersion: number,
) {
  requireAction("followUpMeeting", user, c);
  const agreement = requireActive(c);
  const meetings = [...(agreement.meetings ?? []), { ...input, loggedBy: user.name }].sort(
    (a, b) => a.heldOn.getTime() - b.heldOn.getTime(),
  );
  const date = dayOf(input.heldOn);
  const to = (await partyMembers(c)).map((m) => m.email);
  const { case: after } = await recordChange(
    c,
    { expectedVersion, type: "followUpMeeting", actor: user, data: { date } },
    { agreement: { ...agreement, meetings } },
    [
      {
        kind: "document",
        ref: `follow-up-meeting:{seq}`,
        entry: { direction: "internal", title: `Minnesanteckningar, uppföljningsmöte ${date}`, sender: user.name },
      },
      ...(await noticeEffects(c, "followUpMeeting", to, user.name, false)),
    ],
  );
  return after;
}
