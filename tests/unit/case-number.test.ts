import { describe, expect, it } from "vitest";
import { caseYear } from "~/domain/cases/engine.server";

describe("the year in a case number", () => {
  it("is the Swedish year of the day received, whatever the server's time zone", () => {
    expect(caseYear(new Date("2026-12-31T22:59:59Z"))).toBe(2026); // 23:59:59 in Stockholm
    expect(caseYear(new Date("2026-12-31T23:00:00Z"))).toBe(2027); // 00:00 on New Year's Day
    expect(caseYear(new Date("2027-06-30T22:30:00Z"))).toBe(2027); // summer time
  });
});
