// Follow-up of an active agreement (docs/domain.md, "The agreement"): one report per year of the
// term, due on 31 January of the next year, as the standard text says. Plain.
import type { FollowUpReport } from "#models/agreement";

/** The years the organisation reports on, each with its due day. */
export function reportSchedule(start: Date, end: Date) {
  const years: { year: number; due: string }[] = [];
  for (let y = start.getUTCFullYear(); y <= end.getUTCFullYear(); y++) years.push({ year: y, due: `${y + 1}-01-31` });
  return years;
}

/** The first scheduled year without an approved report: what the organisation reports next. */
export function nextReport(schedule: { year: number; due: string }[], reports: FollowUpReport[]) {
  return schedule.find((s) => reports.find((r) => r.year === s.year)?.status !== "approved") ?? null;
}
