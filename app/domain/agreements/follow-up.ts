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

/** The next payment the plan promises from `today` (YYYY-MM-DD) on, if any. */
export const nextPayment = (plan: { date: Date; amountSek: number }[], today: string) =>
  plan.find((p) => p.date.toISOString() >= `${today}T00:00:00.000Z`) ?? null;
