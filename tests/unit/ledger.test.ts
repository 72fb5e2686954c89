import { describe, expect, it } from "vitest";
import { ledgerTotals, paymentSchedule, quarterlyPlan } from "~/domain/agreements/ledger";

describe("the contributions ledger", () => {
  it("plans the yearly contribution quarterly in advance over the term, in whole kronor", () => {
    const plan = quarterlyPlan(new Date("2027-02-15T00:00:00Z"), new Date("2028-06-30T00:00:00Z"), 150_001);
    expect(plan.map((p) => [p.date.toISOString().slice(0, 10), p.amountSek])).toEqual([
      ["2027-01-01", 37_500],
      ["2027-04-01", 37_500],
      ["2027-07-01", 37_500],
      ["2027-10-01", 37_501],
      ["2028-01-01", 37_500],
      ["2028-04-01", 37_500],
    ]);
  });

  it("sums planned, paid and reported per year and for the term", () => {
    const plan = quarterlyPlan(new Date("2027-01-01T00:00:00Z"), new Date("2028-12-31T00:00:00Z"), 100_000);
    const payments = [
      { paidOn: new Date("2027-01-10T00:00:00Z"), amountSek: 25_000, reference: "V1", recordedBy: "Hans" },
      { paidOn: new Date("2027-04-03T00:00:00Z"), amountSek: 25_000, reference: "V2", recordedBy: "Hans" },
    ];
    const own = [{ year: 2027, moneySek: 40_000, volunteerHours: 1_200, inKind: "Lokal", reportedBy: "Lina" }];
    const { years, total } = ledgerTotals(plan, payments, own);
    expect(years).toEqual([
      { year: 2027, plannedSek: 100_000, paidSek: 50_000, ownMoneySek: 40_000, volunteerHours: 1_200, inKind: "Lokal" },
      { year: 2028, plannedSek: 100_000, paidSek: 0, ownMoneySek: 0, volunteerHours: 0, inKind: "" },
    ]);
    expect(total).toEqual({ plannedSek: 200_000, paidSek: 50_000, ownMoneySek: 40_000, volunteerHours: 1_200 });
  });
});

describe("the payment plan against the payments made", () => {
  const d = (s: string) => new Date(`${s}T00:00:00Z`);
  const plan = [
    { date: d("2027-04-01"), amountSek: 25_000 },
    { date: d("2027-01-01"), amountSek: 25_000 },
    { date: d("2027-07-01"), amountSek: 25_000 },
  ];
  const paid = (amountSek: number) => [{ paidOn: d("2027-01-10"), amountSek, reference: "V-1", recordedBy: "Hans" }];

  it("covers the planned payments in date order and tells paid, partly paid, overdue and planned apart", () => {
    const schedule = paymentSchedule(plan, paid(30_000) as never, "2027-05-02");
    expect(schedule.map((p) => [p.date.toISOString().slice(0, 10), p.paidSek, p.status])).toEqual([
      ["2027-01-01", 25_000, "paid"],
      ["2027-04-01", 5_000, "partlyPaid"],
      ["2027-07-01", 0, "planned"],
    ]);
    // Nothing paid: what was due before today is overdue; a payment due today is not yet.
    expect(paymentSchedule(plan, [], "2027-04-01").map((p) => p.status)).toEqual(["overdue", "planned", "planned"]);
  });
});
