import { describe, expect, it } from "vitest";
import { addMonthsToDay, dayOf, swedishDay, swedishToday, yearOf } from "~/domain/kernel/days";

// Dates are Swedish calendar dates: an instant becomes a date through Swedish time, and a
// calendar date moves by months without any time zone in between.

describe("Swedish calendar dates", () => {
  it("gives the Swedish date of an instant, also in the hour or two when UTC is still yesterday", () => {
    expect(swedishToday(new Date("2026-12-06T23:04:00Z"))).toBe("2026-12-07"); // 00:04 CET
    expect(swedishToday(new Date("2026-12-06T22:59:00Z"))).toBe("2026-12-06"); // 23:59 CET
    expect(swedishToday(new Date("2027-06-30T22:30:00Z"))).toBe("2027-07-01"); // 00:30 CEST
    expect(swedishToday(new Date("2027-06-30T21:59:00Z"))).toBe("2027-06-30");
    expect(dayOf(swedishDay(new Date("2026-12-06T23:04:00Z")))).toBe("2026-12-07");
  });

  it("reads a stored calendar date as the day it was stored for", () => {
    expect(dayOf(new Date("2027-03-07T00:00:00Z"))).toBe("2027-03-07");
    expect(dayOf("2027-03-07T00:00:00.000Z")).toBe("2027-03-07");
    expect(yearOf(new Date("2027-01-01T00:00:00Z"))).toBe(2027);
  });

  it("adds months to a calendar date, clamped to the month's end, across summer time", () => {
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    expect(dayOf(addMonthsToDay(day("2026-12-07"), 3))).toBe("2027-03-07");
    expect(dayOf(addMonthsToDay(day("2025-11-30"), 3))).toBe("2026-02-28");
    expect(dayOf(addMonthsToDay(day("2027-01-31"), 1))).toBe("2027-02-28");
    expect(dayOf(addMonthsToDay(day("2028-01-31"), 1))).toBe("2028-02-29");
    expect(dayOf(addMonthsToDay(day("2027-01-07"), 3))).toBe("2027-04-07"); // into summer time
    expect(dayOf(addMonthsToDay(day("2027-12-31"), 12))).toBe("2028-12-31");
  });
});
