// The contributions ledger (docs/domain.md, "The agreement"): the municipal contribution's
// payment plan, the payments made, and the organisation's reported own contribution, summed
// per year and for the whole term. Plain, shared by server and browser.
import type { OwnContribution, Payment, PlannedPayment } from "#models/agreement";
import { dayOf, yearOf } from "../kernel/days";

/**
 * The plan the agreement's standard text promises: the contribution per year paid quarterly in
 * advance, from the start's quarter to the end's, a year's quarters each a quarter of it
 * (whole kronor; the last quarter of a year takes what rounding leaves).
 */
export function quarterlyPlan(start: Date, end: Date, perYear: number): PlannedPayment[] {
  const plan: PlannedPayment[] = [];
  let y = start.getUTCFullYear();
  let q = Math.floor(start.getUTCMonth() / 3);
  while (new Date(Date.UTC(y, q * 3, 1)) <= end) {
    const base = Math.floor(perYear / 4);
    const amountSek = q === 3 ? perYear - 3 * base : base;
    plan.push({ date: new Date(Date.UTC(y, q * 3, 1)), amountSek });
    q += 1;
    if (q === 4) {
      q = 0;
      y += 1;
    }
  }
  return plan;
}

export interface LedgerYear {
  year: number;
  plannedSek: number;
  paidSek: number;
  ownMoneySek: number;
  volunteerHours: number;
  inKind: string;
}

/** Per year and in total: planned vs. paid municipal money, and the reported own contribution. */
export function ledgerTotals(plan: PlannedPayment[], payments: Payment[], own: OwnContribution[]) {
  const years = [
    ...new Set([
      ...plan.map((p) => yearOf(p.date)),
      ...payments.map((p) => yearOf(p.paidOn)),
      ...own.map((o) => o.year),
    ]),
  ].sort((a, b) => a - b);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const rows: LedgerYear[] = years.map((year) => {
    const reported = own.find((o) => o.year === year);
    return {
      year,
      plannedSek: sum(plan.filter((p) => yearOf(p.date) === year).map((p) => p.amountSek)),
      paidSek: sum(payments.filter((p) => yearOf(p.paidOn) === year).map((p) => p.amountSek)),
      ownMoneySek: reported?.moneySek ?? 0,
      volunteerHours: reported?.volunteerHours ?? 0,
      inKind: reported?.inKind ?? "",
    };
  });
  return {
    years: rows,
    total: {
      plannedSek: sum(rows.map((r) => r.plannedSek)),
      paidSek: sum(rows.map((r) => r.paidSek)),
      ownMoneySek: sum(rows.map((r) => r.ownMoneySek)),
      volunteerHours: sum(rows.map((r) => r.volunteerHours)),
    },
  };
}

export type PlannedStatus = "paid" | "partlyPaid" | "overdue" | "planned";

/**
 * The payment plan with what has been paid against it: the payments made cover the planned ones
 * in date order, so each planned payment is paid, partly paid, overdue (its day has passed
 * without it) or still planned. `today` is a Swedish calendar date (YYYY-MM-DD).
 */
export function paymentSchedule(plan: PlannedPayment[], payments: Payment[], today: string) {
  let paid = payments.reduce((sum, p) => sum + p.amountSek, 0);
  return [...plan]
    .sort((a, b) => a.date.getTime() - b.date.getTime())
    .map((p) => {
      const covered = Math.min(paid, p.amountSek);
      paid -= covered;
      const status: PlannedStatus =
        covered >= p.amountSek ? "paid" : covered > 0 ? "partlyPaid" : dayOf(p.date) < today ? "overdue" : "planned";
      return { date: p.date, amountSek: p.amountSek, paidSek: covered, status };
    });
}
