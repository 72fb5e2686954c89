import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatSek, getI18n } from "~/i18n";

describe("formatting in sv-SE and Stockholm time", () => {
  it("shows the day in Stockholm, in the page's language", () => {
    // 23:30 UTC on 28 March is already 29 March in Stockholm (UTC+1).
    expect(formatDate("2026-03-28T23:30:00Z", "sv")).toBe("29 mars 2026");
    expect(formatDate(new Date("2026-03-28T23:30:00Z"), "en")).toBe("29 March 2026");
    // Summer time (UTC+2) moves the same clock reading to the next day.
    expect(formatDateTime("2026-06-30T22:15:00Z", "sv")).toBe("2026-07-01 00:15");
    // English times spell the month: "01/07/2026" reads as 7 January to many.
    expect(formatDateTime("2026-06-30T22:15:00Z", "en")).toBe("1 Jul 2026, 00:15");
  });

  it("answers again from its memo per language and instant, never another language's text", () => {
    const instant = "2026-11-02T10:00:00Z";
    expect(formatDate(instant, "sv")).toBe("2 november 2026");
    expect(formatDate(instant, "en")).toBe("2 November 2026");
    expect(formatDate(instant, "sv")).toBe("2 november 2026");
    expect(formatDate("2026-11-03T10:00:00Z", "sv")).toBe("3 november 2026");
  });

  it("stays right after its memo fills up", () => {
    const day = 24 * 3600 * 1000;
    const start = Date.UTC(2000, 0, 1, 12);
    for (let i = 0; i < 6000; i++) formatDate(new Date(start + i * day), "sv");
    expect(formatDate(new Date(start), "sv")).toBe("1 januari 2000");
    expect(formatDate(new Date(start + 5999 * day), "sv")).toBe("4 juni 2016");
  });

  it("refuses an invalid date as before", () => {
    expect(() => formatDate("not a date", "sv")).toThrow(RangeError);
  });

  it("writes kronor with sv-SE grouping", () => {
    expect(formatSek(1250000)).toBe("1\u00a0250\u00a0000\u00a0kr");
  });
});

describe("translations kept per key and values", () => {
  it("answers each count and language with its own plural form, also when asked again", () => {
    const sv = getI18n("sv").getFixedT(null, "translation");
    const en = getI18n("en").getFixedT(null, "translation");
    for (let round = 0; round < 2; round++) {
      expect(sv("start.office.waiting", { count: 1 })).toBe("1 arbetsdag");
      expect(sv("start.office.waiting", { count: 3 })).toBe("3 arbetsdagar");
      expect(en("start.office.waiting", { count: 3 })).toBe("3 working days");
    }
  });

  it("leaves options that are not plain values to i18next", () => {
    const sv = getI18n("sv").getFixedT(null, "translation");
    const counts = { count: 2, nested: { a: 1 } };
    expect(sv("start.office.waiting", counts)).toBe("2 arbetsdagar");
    counts.count = 5;
    expect(sv("start.office.waiting", counts)).toBe("5 arbetsdagar");
  });
});
