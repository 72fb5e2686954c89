import { describe, expect, it } from "vitest";
import { contribution, difference, overview, percentiles } from "~/domain/statistics/counters";

// The overview's arithmetic on counters, with the day given (no clock).

const social = "a".repeat(24);
const culture = "b".repeat(24);
const d = (iso: string) => new Date(`${iso}T10:00:00Z`);

const decided = {
  status: "active" as const,
  areas: ["laxhjalp"],
  receivedAt: d("2026-01-10"),
  lastActivityAt: d("2026-06-01"),
  routing: { departmentId: social, routedAt: d("2026-01-13") },
  decision: { outcome: "approved", decisionDate: d("2026-03-11") },
  agreement: {
    end: d("2026-12-31"),
    plan: [
      { date: d("2026-04-01"), amountSek: 25_000 },
      { date: d("2027-01-01"), amountSek: 25_000 },
    ],
    payments: [{ paidOn: d("2026-04-03"), amountSek: 25_000 }],
    ownContributions: [{ year: 2026, moneySek: 10_000, volunteerHours: 300 }],
  },
};
const quiet = {
  status: "in_dialogue" as const,
  areas: ["idrott"],
  receivedAt: d("2026-05-01"),
  lastActivityAt: d("2026-05-02"),
  routing: { departmentId: culture, routedAt: d("2026-05-21") },
};

const sum = (...parts: Record<string, number>[]) => {
  const out: Record<string, number> = {};
  for (const p of parts) for (const [k, n] of Object.entries(p)) out[k] = (out[k] ?? 0) + n;
  return out;
};

describe("the overview's counters", () => {
  it("count a draft for nothing, and a change by its difference", () => {
    expect(contribution({ ...quiet, status: "draft", receivedAt: undefined })).toEqual({});
    const before = contribution(quiet);
    const after = contribution({ ...quiet, status: "awaiting_completion", lastActivityAt: d("2026-06-01") });
    expect(difference(before, after)).toEqual({
      [`n|${culture}|2026|status|in_dialogue`]: -1,
      [`n|${culture}|2026|status|awaiting_completion`]: 1,
      [`quiet|${culture}|2026-05-02`]: -1,
      [`quiet|${culture}|2026-06-01`]: 1,
    });
  });

  it("give the figures of the overview for a day, a year and a department", () => {
    const counters = sum(contribution(decided), contribution(quiet));
    const all = overview(counters, { year: null, department: "" }, "2026-11-15", 14);
    expect(all.total).toBe(2);
    expect(all.agreements).toEqual({ active: 1, ended: 0, endingSoon: 1 });
    expect(all.quiet).toBe(1);
    expect(all.money).toEqual([
      { year: 2026, committed: 25_000, paid: 25_000, ownMoney: 10_000, ownHours: 300 },
      { year: 2027, committed: 25_000, paid: 0, ownMoney: 0, ownHours: 0 },
    ]);
    expect(all.moneyTotal.committed).toBe(50_000);
    expect(all.durations.find((r) => r.department === social)).toEqual({
      department: social,
      route: { count: 1, median: 3, p90: 3 },
      decide: { count: 1, median: 60, p90: 60 },
    });
    expect(all.quarters).toEqual([
      { quarter: "2026-Q1", submitted: 1, decided: 1 },
      { quarter: "2026-Q2", submitted: 1, decided: 0 },
    ]);
    const culturalOnly = overview(counters, { year: null, department: culture }, "2026-11-15", 14);
    expect([culturalOnly.total, culturalOnly.agreements.active, culturalOnly.quiet]).toEqual([1, 0, 1]);
    expect(overview(counters, { year: 2025, department: "" }, "2026-11-15", 14).total).toBe(0);
    // 91 days before the end it is not yet "ending soon"; quiet needs the full 14 days.
    expect(overview(counters, { year: null, department: "" }, "2026-10-01", 14).agreements.endingSoon).toBe(0);
    expect(overview(counters, { year: null, department: "" }, "2026-05-15", 14).quiet).toBe(0);
  });

  it("read the median and the 90th percentile from a day histogram", () => {
    expect(percentiles(new Map())).toBeNull();
    const h = new Map([
      [1, 5],
      [10, 4],
      [100, 1],
    ]);
    expect(percentiles(h)).toEqual({ count: 10, median: 1, p90: 10 });
    expect(percentiles(new Map([[7, 1]]))).toEqual({ count: 1, median: 7, p90: 7 });
  });
});
