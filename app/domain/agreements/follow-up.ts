import { dayOf } from "../kernel/days";
// Follow-up of an active agreement (docs/domain.md, "The agreement"): one report per year of the
// term, due on 31 January of the next year, as the standard text says. Plain.

/** The years the organisation reports on, each with its due day. */
export function reportSchedule(start: Date, end: Date) {
  const years: { year: number; due: string }[] = [];
  for (let y = start.getUTCFullYear(); y <= end.getUTCFullYear(); y++) years.push({ year: y, due: `${y + 1}-01-31` });
  return years;
}

/**
 * What the organisation reports next: the first scheduled year with no report sent, or whose
 * report the officer asked more of. A report sent and waiting for the officer counts as sent.
 */
export function nextReport(schedule: { year: number; due: string }[], reports: { year: number; status: string }[]) {
  return (
    schedule.find((s) => {
      const report = reports.find((r) => r.year === s.year);
      return !report || report.status === "completionRequested";
    }) ?? null
  );
}

/**
 * The years the organisation may report on `today` (YYYY-MM-DD, Swedish): not reported yet, or
 * more was asked for, and begun, both the year and the agreement's term (a report tells how a
 * year went, so a year that has not started cannot be reported on).
 */
export function reportableYears(
  schedule: { year: number }[],
  reports: { year: number; status: string }[],
  start: string,
  today: string,
) {
  return schedule
    .filter((s) => {
      const r = reports.find((x) => x.year === s.year);
      return (!r || r.status === "completionRequested") && yearHasBegun(s.year, start, today);
    })
    .map((s) => s.year);
}

/** Whether a year of the term has begun: its first day and the term's first day have come. */
export const yearHasBegun = (year: number, start: string, today: string) => `${year}-01-01` <= today && start <= today;

/** The next payment the plan promises from `today` (YYYY-MM-DD) on, if any. */
export const nextPayment = (plan: { date: Date; amountSek: number }[], today: string) =>
  plan.find((p) => p.date.toISOString() >= `${today}T00:00:00.000Z`) ?? null;

/**
 * An agreement in force as its organisation follows it, on `today` (YYYY-MM-DD, Swedish): the
 * term, the next report with its due day, the next planned payment. Null when not in force.
 */
export function agreementInForce(
  c: {
    status: string;
    agreement?: {
      start?: Date;
      end?: Date;
      reports?: { year: number; status: string }[];
      plan?: { date: Date; amountSek: number }[];
    } | null;
  },
  today: string,
) {
  const a = c.agreement;
  if (c.status !== "active" || !a?.start || !a.end) return null;
  const payment = nextPayment(a.plan ?? [], today);
  return {
    start: dayOf(a.start),
    end: dayOf(a.end),
    nextReport: nextReport(reportSchedule(a.start, a.end), a.reports ?? []),
    nextPayment: payment ? { date: dayOf(payment.date), amountSek: payment.amountSek } : null,
  };
}
