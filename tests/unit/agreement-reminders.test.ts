import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import { dueAgreementReminders } from "~/domain/agreements/reminders";
import { awaitingSignatureFrom, draftToComment } from "~/domain/agreements/progress";

// Which agreement reminders are due on a given day (the clock is the argument).

const settings = { signatureReminderDays: 5 };
const at = (iso: string) => new Date(`${iso}T10:00:00Z`);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const lina = new Types.ObjectId();
const hans = new Types.ObjectId();

/** An agreement in force 2027-01-15 – 2028-12-31, 150 000 kr a year paid quarterly. */
const active = (changes: Record<string, unknown> = {}) => ({
  id: "a",
  status: "active",
  agreement: {
    number: 2,
    start: day("2027-01-15"),
    end: day("2028-12-31"),
    plan: ["2027-01-01", "2027-04-01", "2027-07-01"].map((d) => ({ date: day(d), amountSek: 37_500 })),
    payments: [] as { amountSek: number }[],
    reports: [] as { year: number; status: string }[],
    ...changes,
  },
});
const types = (list: { type: string }[]) => list.map((r) => r.type);

describe("agreement reminders", () => {
  it("reminds the organisation 14 days before a report is due, and not a day earlier", () => {
    const c = active({ plan: [] });
    expect(types(dueAgreementReminders([c], settings, at("2028-01-16")))).toEqual([]);
    const due = dueAgreementReminders([c], settings, at("2028-01-17"));
    expect(due).toEqual([
      {
        type: "reminderReportDue",
        caseId: "a",
        key: "agreement-reminder:report-due:a:2027",
        audience: "organisation",
        date: "2028-01-31",
      },
    ]);
    // A report given (in any state) is not reminded of.
    const reported = active({ plan: [], reports: [{ year: 2027, status: "submitted" }] });
    expect(dueAgreementReminders([reported], settings, at("2028-03-01"))).toEqual([]);
  });

  it("reminds the organisation of an overdue report, and the officer two weeks later", () => {
    const c = active({ plan: [] });
    expect(types(dueAgreementReminders([c], settings, at("2028-02-01")))).toEqual(["reminderReportOverdue"]);
    expect(types(dueAgreementReminders([c], settings, at("2028-02-13")))).toEqual(["reminderReportOverdue"]);
    const late = dueAgreementReminders([c], settings, at("2028-02-14"));
    expect(late.map((r) => [r.type, r.audience, r.days])).toEqual([
      ["reminderReportOverdue", "organisation", 14],
      ["reminderReportOverdueStaff", "officer", 14],
    ]);
    // The last year's report is still owed after the agreement has ended.
    const ended = { ...c, status: "ended" };
    expect(types(dueAgreementReminders([ended], settings, at("2029-02-01")))).toEqual([
      "reminderReportOverdue",
      "reminderReportOverdueStaff",
      "reminderReportOverdue",
    ]);
  });

  it("reminds both parties within 90 days of the end, keyed by the end date", () => {
    const c = active({ plan: [], reports: [{ year: 2027, status: "approved" }] });
    expect(dueAgreementReminders([c], settings, at("2028-10-01"))).toEqual([]);
    const due = dueAgreementReminders([c], settings, at("2028-10-02"));
    expect(due.map((r) => [r.type, r.audience, r.date, r.days, r.key])).toEqual([
      ["reminderExpiring", "both", "2028-12-31", 90, "agreement-reminder:expiring:a:2028-12-31"],
    ]);
    expect(dueAgreementReminders([{ ...c, status: "ended" }], settings, at("2028-10-02"))).toEqual([]);
  });

  it("reminds the officer of a planned payment not recorded a week after its date", () => {
    const c = active();
    expect(dueAgreementReminders([c], settings, at("2027-01-07"))).toEqual([]);
    expect(dueAgreementReminders([c], settings, at("2027-01-08"))).toEqual([
      {
        type: "reminderPayment",
        caseId: "a",
        key: "agreement-reminder:payment:a:2027-01-01",
        audience: "officer",
        date: "2027-01-01",
        amountSek: 37_500,
      },
    ]);
    // Paid: the next planned payment is the one watched.
    const paid = active({ payments: [{ amountSek: 37_500 }] });
    expect(dueAgreementReminders([paid], settings, at("2027-04-07"))).toEqual([]);
    expect(dueAgreementReminders([paid], settings, at("2027-04-08")).map((r) => r.date)).toEqual(["2027-04-01"]);
  });

  it("reminds the signers who have not signed after N days, again every N days", () => {
    const signing = {
      sentAt: at("2026-11-01"),
      signers: [{ userId: lina }, { userId: hans }],
      signatures: [{ userId: lina }],
    };
    const c = { id: "s", status: "agreement_pending_signatures", agreement: { number: 1, signing } };
    expect(dueAgreementReminders([c], settings, at("2026-11-05"))).toEqual([]);
    const first = dueAgreementReminders([c], settings, at("2026-11-06"));
    expect(first.map((r) => [r.type, r.audience, r.signerIds, r.days])).toEqual([
      ["reminderSignature", "signers", [String(hans)], 5],
    ]);
    const second = dueAgreementReminders([c], settings, at("2026-11-11"));
    expect(second[0]?.key).not.toBe(first[0]?.key);
    expect(dueAgreementReminders([c], settings, at("2026-11-10"))[0]?.key).toBe(first[0]?.key);
    expect(dueAgreementReminders([c], { signatureReminderDays: 0 }, at("2026-11-30"))).toEqual([]);
  });

  it("sees a change to the agreement in force out for signing like the first signing", () => {
    const amendment = {
      number: 3,
      signing: { sentAt: at("2027-03-01"), signers: [{ userId: lina }], signatures: [] },
    };
    const c = active({ plan: [], amendment });
    expect(awaitingSignatureFrom(c)).toEqual([String(lina)]);
    expect(draftToComment(c)).toBe(false);
    expect(draftToComment(active({ amendment: { number: 3 } }))).toBe(true);
    expect(types(dueAgreementReminders([c], settings, at("2027-03-06")))).toEqual(["reminderSignature"]);
  });
});
