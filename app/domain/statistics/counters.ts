// The overview's statistics as counters (docs/decisions/014): what one case adds to them, and
// the overview read back from them. A case's contribution is a set of keys with amounts; a
// change of the case adds the difference. The counters' number depends on departments, years
// and days, never on the number of cases, so the overview costs the same however many there
// are. Plain, unit-tested with an injected day.
import { isOpen } from "../lifecycle/statuses";
import type { CaseStatus } from "#models/constants";
import { dayOf, swedishToday } from "../kernel/days";
import { grantedSekPerYear, isGranted } from "./figures";

export type Counters = Record<string, number>;

export interface StatCase {
  status: CaseStatus;
  areas: string[];
  receivedAt?: Date;
  lastActivityAt: Date;
  routing?: { departmentId: unknown; routedAt?: Date };
  decision?: { outcome: string; decisionDate?: Date; contributionPerYearSek?: number };
  agreement?: {
    municipalSekPerYear?: number;
    end?: Date;
    plan?: { date: Date; amountSek: number }[];
    payments?: { paidOn: Date; amountSek: number }[];
    ownContributions?: { year: number; moneySek: number; volunteerHours: number }[];
  };
}

const DAY = 24 * 60 * 60 * 1000;
const yearOf = (d: Date) => d.getUTCFullYear();
const quarterOf = (d: Date) => `${yearOf(d)}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
/** Durations are counted per day up to a year; longer ones share the last bucket. */
const MAX_DAYS = 366;
const days = (from: Date, to: Date) =>
  Math.min(MAX_DAYS, Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY)));

/** What one case adds to the counters (a draft adds nothing: it is not registered). */
export function contribution(c: StatCase): Counters {
  const out: Counters = {};
  const add = (key: string, n = 1) => {
    if (n) out[key] = (out[key] ?? 0) + n;
  };
  if (c.status === "draft" || !c.receivedAt) return out;
  const dept = c.routing ? String(c.routing.departmentId) : "-";
  const y = yearOf(c.receivedAt);
  add(`n|${dept}|${y}|status|${c.status}`);
  for (const area of c.areas) add(`n|${dept}|${y}|area|${area}`);
  add(`q|${dept}|${quarterOf(c.receivedAt)}|submitted`);
  if (c.routing?.routedAt) add(`d|${dept}|${y}|route|${days(c.receivedAt, c.routing.routedAt)}`);
  const decided = c.decision?.decisionDate;
  if (decided) {
    add(`d|${dept}|${y}|decide|${days(c.receivedAt, decided)}`);
    add(`q|${dept}|${quarterOf(decided)}|decided`);
  }
  if (isOpen(c.status)) add(`quiet|${dept}|${swedishToday(c.lastActivityAt)}`);
  // Granted now (not year-bound): how many, and the municipal contribution per year.
  if (isGranted(c.status)) {
    add(`g|${dept}|count`);
    add(`g|${dept}|sekPerYear`, grantedSekPerYear(c));
  }
  const a = c.agreement;
  if (c.status === "active" && a?.end) add(`end|${dept}|${dayOf(a.end)}`);
  if (c.status === "active" || c.status === "ended") {
    add(`a|${dept}|${y}|${c.status}`);
    for (const p of a?.plan ?? []) add(`m|${dept}|${yearOf(p.date)}|committed`, p.amountSek);
    for (const p of a?.payments ?? []) add(`m|${dept}|${yearOf(p.paidOn)}|paid`, p.amountSek);
    for (const o of a?.ownContributions ?? []) {
      add(`m|${dept}|${o.year}|ownMoney`, o.moneySek);
      add(`m|${dept}|${o.year}|ownHours`, o.volunteerHours);
    }
  }
  return out;
}

/** after − before, without the keys that did not change. */
export function difference(before: Counters, after: Counters): Counters {
  const out: Counters = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const n = (after[key] ?? 0) - (before[key] ?? 0);
    if (n) out[key] = n;
  }
  return out;
}

export interface OverviewFilter {
  year: number | null;
  department: string;
}

/** The median and the 90th percentile of a day histogram (null when it is empty). */
export function percentiles(histogram: Map<number, number>) {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (!total) return null;
  const sorted = [...histogram].sort((a, b) => a[0] - b[0]);
  const at = (share: number) => {
    const rank = Math.ceil(share * total);
    let seen = 0;
    for (const [d, n] of sorted) {
      seen += n;
      if (seen >= rank) return d;
    }
    return sorted.at(-1)![0];
  };
  return { count: total, median: at(0.5), p90: at(0.9) };
}

/**
 * The overview from the counters: cases by status, area and department; agreements active,
 * ending within 90 days and ended; money per year; days to routing and to decision per
 * department; cases quiet for `quietDays`; submissions and decisions per quarter.
 */
export function overview(counters: Counters, filter: OverviewFilter, today: string, quietDays: number) {
  const byStatus = new Map<string, number>();
  const byArea = new Map<string, number>();
  const byDepartment = new Map<string, number>();
  const agreements = { active: 0, ended: 0, endingSoon: 0 };
  const granted = { count: 0, sekPerYear: 0 };
  const money = new Map<number, { committed: number; paid: number; ownMoney: number; ownHours: number }>();
  /** The municipality's contribution by department and year (the agreements' payment plans). */
  const committedByDept = new Map<string, Map<number, number>>();
  const durations = new Map<string, { route: Map<number, number>; decide: Map<number, number> }>();
  const quarters = new Map<string, { submitted: number; decided: number }>();
  let quiet = 0;
  const todayDay = Date.parse(`${today}T00:00:00Z`) / DAY;
  const inDept = (dept: string) => !filter.department || dept === filter.department;
  const inYear = (y: string) => !filter.year || Number(y) === filter.year;
  for (const [key, n] of Object.entries(counters)) {
    if (!n) continue;
    const [kind, dept = "", a = "", b = "", c = ""] = key.split("|");
    if (!inDept(dept)) continue;
    if (kind === "n" && inYear(a)) {
      if (b === "status") {
        byStatus.set(c, (byStatus.get(c) ?? 0) + n);
        byDepartment.set(dept, (byDepartment.get(dept) ?? 0) + n);
      } else byArea.set(c, (byArea.get(c) ?? 0) + n);
    } else if (kind === "a" && inYear(a)) {
      if (b === "active") agreements.active += n;
      else agreements.ended += n;
    } else if (kind === "end") {
      const left = Date.parse(`${a}T00:00:00Z`) / DAY - todayDay;
      if (left >= 0 && left <= 90 && (!filter.year || Number(a.slice(0, 4)) === filter.year))
        agreements.endingSoon += n;
    } else if (kind === "m" && inYear(a)) {
      const row = money.get(Number(a)) ?? { committed: 0, paid: 0, ownMoney: 0, ownHours: 0 };
      row[b as keyof typeof row] += n;
      money.set(Number(a), row);
      if (b === "committed") {
        const byYear = committedByDept.get(dept) ?? new Map<number, number>();
        byYear.set(Number(a), (byYear.get(Number(a)) ?? 0) + n);
        committedByDept.set(dept, byYear);
      }
    } else if (kind === "d" && inYear(a)) {
      const row = durations.get(dept) ?? { route: new Map(), decide: new Map() };
      const h = b === "route" ? row.route : row.decide;
      h.set(Number(c), (h.get(Number(c)) ?? 0) + n);
      durations.set(dept, row);
    } else if (kind === "q" && inYear(a.slice(0, 4))) {
      const row = quarters.get(a) ?? { submitted: 0, decided: 0 };
      row[b as "submitted" | "decided"] += n;
      quarters.set(a, row);
    } else if (kind === "g") {
      granted[a as keyof typeof granted] += n;
    } else if (kind === "quiet") {
      if (todayDay - Date.parse(`${a}T00:00:00Z`) / DAY >= quietDays) quiet += n;
    }
  }
  const list = (m: Map<string, number>) =>
    [...m]
      .filter(([, v]) => v > 0)
      .map(([key, value]) => ({ key, value }))
      .sort((x, y) => y.value - x.value);
  const moneyRows = [...money].sort((x, y) => x[0] - y[0]).map(([year, v]) => ({ year, ...v }));
  const moneyTotal = moneyRows.reduce(
    (t, r) => ({
      committed: t.committed + r.committed,
      paid: t.paid + r.paid,
      ownMoney: t.ownMoney + r.ownMoney,
      ownHours: t.ownHours + r.ownHours,
    }),
    { committed: 0, paid: 0, ownMoney: 0, ownHours: 0 },
  );
  return {
    total: [...byStatus.values()].reduce((x, y) => x + y, 0),
    byStatus: list(byStatus),
    byArea: list(byArea),
    byDepartment: list(byDepartment),
    agreements,
    granted,
    money: moneyRows,
    moneyTotal,
    moneyByDepartment: {
      years: moneyRows.filter((r) => r.committed).map((r) => r.year),
      rows: [...committedByDept]
        .map(([department, byYear]) => ({
          department,
          byYear: Object.fromEntries(byYear) as Record<number, number>,
          total: [...byYear.values()].reduce((x, y) => x + y, 0),
        }))
        .filter((r) => r.total)
        .sort((x, y) => y.total - x.total),
    },
    durations: [...durations].map(([department, d]) => ({
      department,
      route: percentiles(d.route),
      decide: percentiles(d.decide),
    })),
    quiet,
    quarters: [...quarters].sort((x, y) => x[0].localeCompare(y[0])).map(([quarter, v]) => ({ quarter, ...v })),
  };
}
