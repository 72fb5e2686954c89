// Which agreement reminders are due (docs/domain.md, "Reminders"). Plain, unit-tested with an
// injected day. Each reminder has a key that makes it "sent once": a report's due date, a
// signing's send time and period, the end date, a planned payment's date.
import { swedishToday } from "../kernel/swedish-calendar";
import { reportSchedule } from "./follow-up";
import { signingUnderWay, type AgreementCase } from "./progress";
import { dayOf } from "../kernel/days";

export type AgreementReminderType =
  | "reminderReportDue"
  | "reminderReportOverdue"
  | "reminderReportOverdueStaff"
  | "reminderSignature"
  | "reminderExpiring"
  | "reminderPayment";

/** Who hears: the organisation, the officer, both, or the signers who have not signed yet. */
export type ReminderAudience = "organisation" | "officer" | "both" | "signers";

export interface AgreementReminder {
  type: AgreementReminderType;
  caseId: string;
  key: string;
  audience: ReminderAudience;
  /** The day it is about (due, end, planned payment), YYYY-MM-DD. */
  date?: string;
  days?: number;
  amountSek?: number;
  signerIds?: string[];
}

export interface AgreementReminderSettings {
  signatureReminderDays: number;
}

/** Days before its due date a report is reminded of; after it, the officer hears too. */
export const REPORT_DUE_SOON_DAYS = 14;
export const REPORT_OVERDUE_STAFF_DAYS = 14;
/** How long before the end both parties hear, so that a renewal dialogue starts in time. */
export const EXPIRY_NOTICE_DAYS = 90;
/** Days after a planned payment's date before an unrecorded payment reminds the officer. */
export const PAYMENT_GRACE_DAYS = 7;

const DAY = 24 * 60 * 60 * 1000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const iso = dayOf;

export function dueAgreementReminders(
  cases: (AgreementCase & { id: string })[],
  settings: AgreementReminderSettings,
  now: Date,
): AgreementReminder[] {
  const today = dayNumber(swedishToday(now));
  const due: AgreementReminder[] = [];
  for (const c of cases) {
    const a = c.agreement;
    if (!a) continue;
    const id = c.id;

    const signing = signingUnderWay(c);
    const every = settings.signatureReminderDays;
    if (signing && every > 0) {
      const days = Math.floor((now.getTime() - signing.sentAt.getTime()) / DAY);
      if (days >= every) {
        const signerIds = signing.signers
          .filter((s) => !signing.signatures.some((x) => String(x.userId) === String(s.userId)))
          .map((s) => String(s.userId));
        const period = Math.floor(days / every);
        const key = `agreement-reminder:signature:${id}:${signing.sentAt.getTime()}:${period}`;
        due.push({ type: "reminderSignature", caseId: id, key, audience: "signers", days, signerIds });
      }
    }

    // Reports are owed while the agreement runs and for its last year after it has ended.
    if ((c.status === "active" || c.status === "ended") && a.start && a.end) {
      for (const { year, due: dueOn } of reportSchedule(a.start, a.end)) {
        if (a.reports?.some((r) => r.year === year)) continue;
        const left = dayNumber(dueOn) - today;
        const base = { caseId: id, date: dueOn };
        if (c.status === "active" && left >= 0 && left <= REPORT_DUE_SOON_DAYS) {
          const key = `agreement-reminder:report-due:${id}:${year}`;
          due.push({ ...base, type: "reminderReportDue", key, audience: "organisation" });
        }
        if (left < 0) {
          const key = `agreement-reminder:report-overdue:${id}:${year}`;
          due.push({ ...base, type: "reminderReportOverdue", key, audience: "organisation", days: -left });
        }
        if (-left >= REPORT_OVERDUE_STAFF_DAYS) {
          const key = `agreement-reminder:report-overdue-staff:${id}:${year}`;
          due.push({ ...base, type: "reminderReportOverdueStaff", key, audience: "officer", days: -left });
        }
      }
    }

    if (c.status !== "active") continue;
    if (a.end) {
      const left = dayNumber(iso(a.end)) - today;
      if (left >= 0 && left <= EXPIRY_NOTICE_DAYS) {
        // Keyed by the end date: an extension's new end is reminded of again in its time.
        const key = `agreement-reminder:expiring:${id}:${iso(a.end)}`;
        due.push({ type: "reminderExpiring", caseId: id, key, audience: "both", date: iso(a.end), days: left });
      }
    }
    // Payments are not tied to planned dates: what is paid in total covers the plan in order,
    // and the first planned payment it does not cover, a week past its date, is reminded of.
    const paid = (a.payments ?? []).reduce((sum, p) => sum + p.amountSek, 0);
    let planned = 0;
    for (const p of [...(a.plan ?? [])].sort((x, y) => x.date.getTime() - y.date.getTime())) {
      planned += p.amountSek;
      if (planned <= paid) continue;
      if (today - dayNumber(iso(p.date)) >= PAYMENT_GRACE_DAYS) {
        const key = `agreement-reminder:payment:${id}:${iso(p.date)}`;
        due.push({
          type: "reminderPayment",
          caseId: id,
          key,
          audience: "officer",
          date: iso(p.date),
          amountSek: p.amountSek,
        });
      }
      break;
    }
  }
  return due;
}
