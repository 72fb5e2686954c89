import { describe, expect, it } from "vitest";
import { withheldEntry, type NationalEntry, type RegisterEntry } from "~/domain/transparency/register";
import { registerStatistics } from "~/domain/transparency/register-statistics";

// IOP in figures from the public register (decision 028): per body, per area, per year.
const entry = (over: Partial<RegisterEntry>): RegisterEntry => ({
  identifier: "x",
  id: Math.random().toString(36).slice(2),
  caseNumber: "KS 2027/0001",
  title: "Avtal",
  summary: "",
  organisation: { name: "Org", organisationNumber: "802400-1375" },
  partners: [],
  department: "",
  departmentId: "",
  areas: [],
  status: "active",
  startDate: "2027-01-01",
  endDate: "2027-12-31",
  amountPerYearSek: 0,
  amountAwardedSek: 0,
  plannedByYear: {},
  decisionDate: "2026-12-01",
  decisionParagraph: "",
  decidedBy: "",
  reportsReceived: 0,
  reportsDue: 0,
  paymentsMade: 0,
  amountPaidSek: 0,
  lastModified: "",
  withheld: false,
  ...over,
});
const at = (slug: string, name: string, e: RegisterEntry): NationalEntry => ({
  ...e,
  publicBody: { slug, name, url: `https://${slug}.samverka.se` },
});

describe("the register's figures", () => {
  it("count granted, in force, money per year and organisations, per body, area and year", () => {
    const entries = [
      at(
        "grannby",
        "Grannby kommun",
        entry({ status: "active", amountPerYearSek: 100_000, areas: ["kultur"], plannedByYear: { "2027": 100_000 } }),
      ),
      at(
        "grannby",
        "Grannby kommun",
        entry({ status: "ended", amountPerYearSek: 50_000, areas: ["kultur"], plannedByYear: { "2026": 50_000 } }),
      ),
      at(
        "exempelkommun",
        "Exempelkommun",
        entry({
          status: "approved",
          amountPerYearSek: 40_000,
          areas: ["kultur", "idrott"],
          organisation: { name: "Annan", organisationNumber: "802500-6266" },
          partners: [{ name: "Partner", organisationNumber: "802400-1375" }],
          plannedByYear: { "2027": 30_000, "2028": 10_000 },
        }),
      ),
      at("exempelkommun", "Exempelkommun", withheldEntry(entry({ status: "active", amountPerYearSek: 999 }))),
    ];
    const stats = registerStatistics(entries);
    // The withheld one counts as an agreement, with no money and no area.
    expect(stats.total).toEqual({ granted: 3, active: 2, grantedSekPerYear: 140_000, organisations: 2 });
    expect(stats.bodies.map((b) => [b.name, b.granted, b.active, b.grantedSekPerYear, b.organisations])).toEqual([
      ["Exempelkommun", 2, 1, 40_000, 2],
      ["Grannby kommun", 1, 1, 100_000, 1],
    ]);
    expect(stats.areas).toEqual([
      { area: "kultur", granted: 2 },
      { area: "idrott", granted: 1 },
    ]);
    expect(stats.years).toEqual([
      { year: "2026", plannedSek: 50_000 },
      { year: "2027", plannedSek: 130_000 },
      { year: "2028", plannedSek: 10_000 },
    ]);
  });

  it("has no per-body rows for one body's own register", () => {
    expect(registerStatistics([entry({ status: "active" })]).bodies).toEqual([]);
  });
});
