import { DepartmentModel } from "#models/department";
import { directory } from "../cases/read-model.server";
import { clockNow } from "../kernel/clock";
import { swedishToday } from "../kernel/swedish-calendar";
import type { PublicBodyDoc } from "../public-body/public-body.server";
import { overview, type OverviewFilter } from "./counters";
import { statisticsOf } from "./statistics.server";

// The overview page's data (/oversikt): the counters (one `_id` lookup), the departments and
// the organisations' names (cached). Its cost does not depend on the number of cases.

export async function overviewPage(publicBody: PublicBodyDoc, filter: OverviewFilter) {
  const [counters, departments, dir] = await Promise.all([
    statisticsOf(publicBody._id),
    DepartmentModel.find({ publicBodyId: publicBody._id }).select("name").lean(),
    directory(),
  ]);
  const quietDays = publicBody.inactivityReminderDays ?? 14;
  const data = overview(counters, filter, swedishToday(clockNow()), quietDays);
  const names = new Map(departments.map((d) => [String(d._id), d.name]));
  const name = (id: string) => names.get(id) ?? "";
  const years = new Set<number>();
  for (const key of Object.keys(counters)) {
    const [kind, , year] = key.split("|");
    if (kind === "n" && counters[key]) years.add(Number(year));
  }
  return {
    ...data,
    byDepartment: data.byDepartment.map((r) => ({ ...r, key: name(r.key) })),
    durations: data.durations.map((r) => ({ ...r, department: name(r.department) })),
    organisations: [...dir.organisations.values()].filter((o) => o.publicBodyId.equals(publicBody._id)).length,
    quietDays,
    filter,
    years: [...years].sort((a, b) => b - a),
    departments: departments.map((d) => ({ id: String(d._id), name: d.name })),
  };
}

export type OverviewData = Awaited<ReturnType<typeof overviewPage>>;
