import { dayOf } from "./days";

// The Swedish calendar: public holidays and working days (for deadlines and "days waiting").

const DAY = 24 * 60 * 60 * 1000;

/** Easter Sunday (Gregorian, the anonymous algorithm), as a UTC date. */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

const iso = dayOf;
const plusDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);

/**
 * Swedish public holidays that fall on weekdays, plus the eves that are days off in practice
 * (midsommarafton, julafton, nyårsafton), as YYYY-MM-DD.
 */
export function swedishHolidays(year: number): Set<string> {
  const easter = easterSunday(year);
  // Midsommarafton: the Friday between 19 and 25 June.
  const june19 = new Date(Date.UTC(year, 5, 19));
  const midsummerEve = plusDays(june19, (5 - june19.getUTCDay() + 7) % 7);
  const fixed = ["01-01", "01-06", "05-01", "06-06", "12-24", "12-25", "12-26", "12-31"].map((md) => `${year}-${md}`);
  return new Set([
    ...fixed,
    iso(plusDays(easter, -2)),
    iso(plusDays(easter, 1)),
    iso(plusDays(easter, 39)),
    iso(midsummerEve),
  ]);
}

/** Whole working days from `from` to `to`, not counting the first day (weekends and Swedish holidays skipped). */
export function workingDaysBetween(from: Date, to: Date): number {
  let days = 0;
  const d = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  const end = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  const holidays = new Map<number, Set<string>>();
  while (d.getTime() < end) {
    d.setUTCDate(d.getUTCDate() + 1);
    const weekday = d.getUTCDay();
    const year = d.getUTCFullYear();
    if (!holidays.has(year)) holidays.set(year, swedishHolidays(year));
    if (weekday !== 0 && weekday !== 6 && !holidays.get(year)?.has(iso(d))) days++;
  }
  return days;
}

export { swedishToday } from "./days";
