import { departmentsOf } from "../directory/directory.server";
import { statusKey } from "../lifecycle/statuses";
import { clockNow } from "../kernel/clock";
import { swedishToday } from "../kernel/swedish-calendar";
import type { PublicBodyDoc } from "../public-body/public-body.server";
import { overview, type OverviewFilter } from "./counters";
import { barChart, groupedChart } from "./charts.server";
import { statisticsOf } from "./statistics.server";
import { spreadsheetCsv } from "../kernel/csv";

// The overview page's data (/oversikt): the counters (one `_id` lookup), the departments and
// the organisations' names (cached). Its cost does not depend on the number of cases.

/** `organisations`: how many organisations take part in the body (the organisations module knows). */
export async function overviewPage(publicBody: PublicBodyDoc, filter: OverviewFilter, organisations: number) {
  const [counters, departments] = await Promise.all([statisticsOf(publicBody._id), departmentsOf(publicBody._id)]);
  const quietDays = publicBody.inactivityReminderDays ?? 14;
  const data = overview(counters, filter, swedishToday(clockNow()), quietDays);
  const names = new Map(departments.map((d) => [String(d._id), d.name]));
  const name = (id: string) => names.get(id) ?? "";
  const years = new Set<number>();
  for (const key of Object.keys(counters)) {
    const [kind, , year] = key.split("|");
    // Every year with cases received, and every year with agreement money (planned or paid).
    if ((kind === "n" || kind === "m") && counters[key]) years.add(Number(year));
  }
  return {
    ...data,
    byDepartment: data.byDepartment.map((r) => ({ ...r, key: name(r.key) })),
    durations: data.durations.map((r) => ({ ...r, department: name(r.department) })),
    moneyByDepartment: {
      ...data.moneyByDepartment,
      rows: data.moneyByDepartment.rows.map((r) => ({ ...r, department: name(r.department) })),
    },
    organisations,
    quietDays,
    filter,
    years: [...years].sort((a, b) => b - a),
    departments: departments.map((d) => ({ id: String(d._id), name: d.name })),
  };
}

export type OverviewData = Awaited<ReturnType<typeof overviewPage>>;

export const OVERVIEW_TABLES = [
  "status",
  "department",
  "area",
  "money",
  "moneyByDepartment",
  "durations",
  "quarters",
] as const;
export type OverviewTable = (typeof OVERVIEW_TABLES)[number];

/**
 * One of the overview's tables as rows for a CSV file: a header row of labels (from `label`,
 * the page's words) and plain values (ISO-style: whole numbers, no formatting).
 */
export function overviewTable(
  data: OverviewData,
  table: OverviewTable,
  label: (key: string, values?: Record<string, string>) => string,
): (string | number)[][] {
  const count = label("overview.count");
  const status = (k: string) => label(statusKey(k, true));
  if (table === "status")
    return [[label("overview.byStatus"), count], ...data.byStatus.map((r) => [status(r.key), r.value])];
  if (table === "department")
    return [
      [label("overview.department"), count],
      ...data.byDepartment.map((r) => [r.key || label("overview.unrouted"), r.value]),
    ];
  if (table === "area")
    return [[label("overview.byArea"), count], ...data.byArea.map((r) => [label(`cases.areas.${r.key}`), r.value])];
  if (table === "money") {
    return [
      ["overview.year", "overview.committed", "overview.paid", "overview.ownMoney", "overview.ownHours"].map((k) =>
        label(k),
      ),
      ...data.money.map((r) => [r.year, r.committed, r.paid, r.ownMoney, r.ownHours]),
      [
        label("overview.total"),
        data.moneyTotal.committed,
        data.moneyTotal.paid,
        data.moneyTotal.ownMoney,
        data.moneyTotal.ownHours,
      ],
    ];
  }
  if (table === "moneyByDepartment") {
    const { years, rows } = data.moneyByDepartment;
    return [
      [label("overview.department"), ...years, label("overview.total")],
      ...rows.map((r) => [r.department || label("overview.notRouted"), ...years.map((y) => r.byYear[y] ?? 0), r.total]),
      [
        label("overview.total"),
        ...years.map((y) => data.money.find((m) => m.year === y)?.committed ?? 0),
        data.moneyTotal.committed,
      ],
    ];
  }
  if (table === "durations") {
    return [
      [
        "overview.department",
        "overview.routeMedian",
        "overview.routeP90",
        "overview.decideMedian",
        "overview.decideP90",
      ].map((k) => label(k)),
      ...data.durations.map((r) => [
        r.department || label("overview.notRouted"),
        r.route?.median ?? "",
        r.route?.p90 ?? "",
        r.decide?.median ?? "",
        r.decide?.p90 ?? "",
      ]),
    ];
  }
  return [
    ["overview.quarter", "overview.submitted", "overview.decided"].map((k) => label(k)),
    ...data.quarters.map((r) => [r.quarter, r.submitted, r.decided]),
  ];
}

/** The charts beside the status, money and quarter tables (SVG, drawn on the server). */
export async function overviewCharts(data: OverviewData, t: (key: string, values?: Record<string, string>) => string) {
  const [status, money, quarters] = await Promise.all([
    barChart(
      data.byStatus.map((r) => ({ label: t(statusKey(r.key, true)), value: r.value })),
      t("overview.count"),
    ),
    groupedChart(
      data.money.flatMap((r) =>
        (["committed", "paid", "ownMoney"] as const).map((k) => ({
          category: String(r.year),
          series: t(`overview.${k}`),
          value: r[k],
        })),
      ),
      t("overview.kronor"),
    ),
    groupedChart(
      data.quarters.flatMap((r) =>
        (["submitted", "decided"] as const).map((k) => ({
          category: t("overview.quarterShort", { year: r.quarter.slice(0, 4), q: r.quarter.slice(-1) }),
          series: t(`overview.${k}`),
          value: r[k],
        })),
      ),
      t("overview.count"),
    ),
  ]);
  return { status, money, quarters };
}

/** One table of the overview as a CSV file that Swedish Excel opens by a double click. */
export function overviewCsv(
  data: OverviewData,
  table: OverviewTable,
  label: (key: string, values?: Record<string, string>) => string,
) {
  return spreadsheetCsv(overviewTable(data, table, label));
}
