import { describe, expect, it } from "vitest";
import { ALL_CHECKS, assessmentGaps, deMinimisTotal, sekToEur } from "~/domain/cases/assessment";

describe("state aid arithmetic", () => {
  it("adds the declared other aid of three years to this aid and compares with the ceiling", () => {
    expect(deMinimisTotal(250_000, 40_000, "deMinimis")).toEqual({
      total: 290_000,
      ceiling: 300_000,
      withinCeiling: true,
    });
    expect(deMinimisTotal(280_000, 40_000, "deMinimis").withinCeiling).toBe(false);
    expect(deMinimisTotal(280_000, 40_000, "sgei")).toEqual({ total: 320_000, ceiling: 750_000, withinCeiling: true });
  });
  it("converts kronor to whole euro at the rate in kronor per euro", () => {
    expect(sekToEur(146_250, 11.25)).toBe(13_000);
    expect(sekToEur(1_000_000, 11.2345)).toBe(89_012);
    expect(sekToEur(0, 11)).toBe(0);
  });
});

describe("assessment gaps", () => {
  it("lists unanswered checks and 'no' answers without written reasons", () => {
    const all = Object.fromEntries(ALL_CHECKS.map((k) => [k, { answer: "yes" as const, comment: "" }]));
    expect(assessmentGaps(all)).toEqual({ unanswered: [], noWithoutReason: [] });
    const gaps = assessmentGaps({
      ...all,
      noMarket: { answer: "no", comment: " " },
      longTerm: { answer: "", comment: "" },
    });
    expect(gaps.unanswered).toEqual(["longTerm"]);
    expect(gaps.noWithoutReason).toEqual(["noMarket"]);
  });
});
