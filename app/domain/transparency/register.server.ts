import type { Types } from "mongoose";
import { caseTrail } from "../cases/engine.server";
import { caseRows, type CaseRow } from "../cases/read-model.server";
import { departmentsOf, directory, type Directory } from "../directory/directory.server";
import { clockNow } from "../kernel/clock";
import { swedishToday } from "../kernel/swedish-calendar";
import { reportSchedule } from "../agreements/follow-up";
import { quarterlyPlan } from "../agreements/ledger";
import { registerIdentifier, registerStatus, withheldEntry, type RegisterEntry } from "./register";
import { dayOf } from "../kernel/days";
import { grantedSekPerYear } from "../statistics/figures";

// The public register, made from the in-memory case list (decision 009): a view costs the
// read-model markers and the departments, whatever the number of cases; one agreement adds its
// case and trail by `_id`.

const day = (d: Date | undefined) => (d ? dayOf(d) : "");
const sum = (xs: { amountSek: number }[]) => xs.reduce((s, x) => s + x.amountSek, 0);
const byYear = (plan: { date: Date; amountSek: number }[]) => {
  const years: Record<string, number> = {};
  for (const p of plan) {
    const year = dayOf(p.date).slice(0, 4);
    years[year] = (years[year] ?? 0) + p.amountSek;
  }
  return years;
};

function entryOf(
  row: CaseRow,
  slug: string,
  orgs: Awaited<ReturnType<typeof directory>>["organisations"],
  today: string,
) {
  const status = registerStatus(row.status);
  if (!status || !row.caseNumber) return null;
  const a = row.agreement;
  const start = a?.start ?? row.periodStart;
  const end = a?.end ?? row.periodEnd;
  const perYear = grantedSekPerYear(row);
  const planned = a?.plan?.length ? a.plan : start && end ? quarterlyPlan(start, end, perYear) : [];
  const org = orgs.get(String(row.organisationId));
  const entry: RegisterEntry = {
    identifier: registerIdentifier(slug, row.caseNumber),
    id: String(row._id),
    caseNumber: row.caseNumber,
    title: row.title,
    summary: row.summary ?? "",
    organisation: { name: org?.name ?? "", organisationNumber: org?.orgNumber ?? "" },
    partners: (a?.partners ?? []).map((p) => ({ name: p.name, organisationNumber: p.orgNumber })),
    department: "",
    departmentId: row.routing ? String(row.routing.departmentId) : "",
    areas: row.areas ?? [],
    status,
    startDate: day(start),
    endDate: day(end),
    amountPerYearSek: perYear,
    amountAwardedSek: sum(planned),
    plannedByYear: byYear(planned),
    decisionDate: day(row.decision?.decisionDate),
    decisionParagraph: row.decision?.protocolRef ?? "",
    decidedBy: row.decision?.decidedBy ?? "",
    reportsReceived: a?.reports?.length ?? 0,
    reportsDue:
      start && end && status !== "approved" ? reportSchedule(start, end).filter((s) => s.due < today).length : 0,
    paymentsMade: a?.payments?.length ?? 0,
    amountPaidSek: sum(a?.payments ?? []),
    lastModified: row.updatedAt.toISOString(),
    withheld: false,
  };
  return row.confidential && !row.publicationCleared ? withheldEntry(entry) : entry;
}

// Made once per version of the case list (a new array when a case changed), of the names (a new
// directory when one changed) and per day (an agreement's status follows the date).
type Entries = { entries: RegisterEntry[]; departments: { id: string; name: string }[] };
type Made = { day: string; dir: Directory; result: Entries; byId: Map<string, RegisterEntry> };
const made = new WeakMap<CaseRow[], Map<string, Made>>();
// The case (and its version) each kept entry was made from, for its timeline.
const sources = new WeakMap<RegisterEntry, Pick<CaseRow, "_id" | "version" | "publicBodyId">>();

async function madeFor(publicBody: { _id: Types.ObjectId; slug: string }): Promise<Made> {
  const [rows, dir, departments] = await Promise.all([caseRows(), directory(), departmentsOf(publicBody._id)]);
  const today = swedishToday(clockNow());
  const perBody = made.get(rows) ?? new Map<string, Made>();
  made.set(rows, perBody);
  const hit = perBody.get(String(publicBody._id));
  if (hit && hit.day === today && hit.dir === dir) return hit;
  const names = new Map(departments.map((d) => [String(d._id), d.name]));
  const entries = rows
    .filter((r) => r.publicBodyId.equals(publicBody._id))
    .flatMap((r) => {
      const entry = entryOf(r, publicBody.slug, dir.organisations, today);
      if (!entry) return [];
      const org = dir.organisations.get(String(r.organisationId));
      const named = {
        ...entry,
        department: names.get(entry.departmentId) ?? "",
        organisation: org ? { name: org.name, organisationNumber: org.orgNumber } : entry.organisation,
      };
      sources.set(named, { _id: r._id, version: r.version, publicBodyId: r.publicBodyId });
      return [named];
    })
    .sort((x, y) => y.decisionDate.localeCompare(x.decisionDate) || y.caseNumber.localeCompare(x.caseNumber));
  const result = { entries, departments: departments.map((d) => ({ id: String(d._id), name: d.name })) };
  const kept = { day: today, dir, result, byId: new Map(entries.map((e) => [e.id, e])) };
  perBody.set(String(publicBody._id), kept);
  return kept;
}

/** Every agreement in the register of this public body, the latest decision first. */
export async function registerEntries(publicBody: { _id: Types.ObjectId; slug: string }): Promise<Entries> {
  return (await madeFor(publicBody)).result;
}

/** The public events of an agreement's case: dates and what happened, never who. */
const TIMELINE: Record<string, string> = {
  submit: "received",
  approve: "approved",
  sendForSigning: "sentForSigning",
  signAgreement: "signed",
  amendmentSigned: "changed",
  reportSubmitted: "report",
  paymentRecorded: "payment",
  agreementTerminated: "notice",
  endAgreement: "ended",
};

type Timeline = { kind: string; at: string; year: number | null; amountSek: number | null; date: string | null }[];
// Kept per kept entry: a new entry is made whenever a case changes.
const timelines = new WeakMap<RegisterEntry, Timeline>();

/**
 * One agreement of the register with its timeline; null when it is not in the register. Made
 * from the kept case list and the case's settled events, so a view reads no case.
 */
export async function registerEntry(publicBody: { _id: Types.ObjectId; slug: string }, id: string) {
  const entry = (await madeFor(publicBody)).byId.get(id);
  const source = entry && sources.get(entry);
  if (!entry || !source) return null;
  // A withheld entry's dates and amounts are withheld too.
  if (entry.withheld) return { entry, timeline: [] as Timeline };
  let timeline = timelines.get(entry);
  if (!timeline) {
    const trail = await caseTrail(source);
    timeline = trail.flatMap((e) => {
      const kind = TIMELINE[e.type];
      // A signature counts once: when the last one puts the text in force.
      if (!kind || ((kind === "signed" || kind === "changed") && e.data?.last !== true)) return [];
      const data = e.data ?? {};
      return [
        {
          kind,
          at: e.at.toISOString(),
          year: typeof data.year === "number" ? data.year : null,
          amountSek: typeof data.amountSek === "number" ? data.amountSek : null,
          date: typeof data.date === "string" ? data.date : null,
        },
      ];
    });
    // An event whose effects are still being applied is read again next time.
    if (trail.every((e) => !e.effectsPending)) timelines.set(entry, timeline);
  }
  return { entry, timeline };
}
