// Calendar dates (docs/domain.md, "Dates"). A day a person chose or a term's date (start, end,
// a payment's date) is stored as midnight UTC of that day and read back with `dayOf`. An instant
// (a signature, a notice, a last activity) becomes a date only through Swedish time
// (`Europe/Stockholm`): 00:30 on 7 December in Sweden is 23:30 on 6 December in UTC, and the
// Swedish date is the one a person, a deadline and a signed text mean. The lint rule in
// eslint.config.js keeps every other `toISOString().slice(…)` out of app/.

const stockholm = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" });

/** "YYYY-MM-DD" of a calendar date as stored (midnight UTC of that day). */
export const dayOf = (date: Date | string) => new Date(date).toISOString().slice(0, 10);

/** The year of a calendar date as stored. */
export const yearOf = (date: Date | string) => new Date(date).getUTCFullYear();

/** The date in Sweden at an instant, as "YYYY-MM-DD": what "today" means for a Swedish deadline. */
export const swedishToday = (instant: Date) => stockholm.format(instant);

/** The date in Sweden at an instant, as a calendar date (midnight UTC of that Swedish day). */
export const swedishDay = (instant: Date) => new Date(`${swedishToday(instant)}T00:00:00Z`);

/**
 * A calendar date `months` later, clamped to the month's end (30 November + 3 months is
 * 28 February), computed in UTC so that no time zone or summer time can shift the day.
 */
export function addMonthsToDay(day: Date, months: number) {
  const y = day.getUTCFullYear();
  const m = day.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(day.getUTCDate(), last)));
}
