import { awaitingSignatureFrom, draftToComment } from "../agreements/progress";
import { Types } from "mongoose";
import { casesByOrganisation, keptForList, readableCases, type CaseRow } from "../cases/read-model.server";
import { addressOfBody, allBodies } from "../public-body/public-body.server";
import { departmentsOf, directory } from "../directory/directory.server";
import type { CaseStatus } from "../cases/lifecycle";
import { CLOSED_STATUSES, isIn, shownStatus } from "../lifecycle/statuses";
import { agreementInForce } from "../agreements/follow-up";
import { swedishToday } from "../kernel/days";
import type { AppAbility } from "../access/policy";
import { clockNow } from "../kernel/clock";
import { escapeRegex } from "../kernel/validation";

export const PAGE_SIZE = 25;
/** How many of the cases waiting to be routed the inbox shows above the list. */
export const UNROUTED_SHOWN = 10;

const DAY = 24 * 60 * 60 * 1000;

type Query = {
  q: string;
  status?: CaseStatus;
  area?: string;
  department?: string;
  officer?: string;
  organisation?: string;
  olderThan?: number;
  quietFor?: number;
  sort: "received" | "oldest" | "caseNumber" | "activity";
  page: number;
};

const time = (d: Date | undefined) => d?.getTime() ?? 0;
const ORDER: Record<Query["sort"], (a: CaseRow, b: CaseRow) => number> = {
  received: (a, b) => time(b.receivedAt) - time(a.receivedAt),
  oldest: (a, b) => time(a.receivedAt) - time(b.receivedAt),
  caseNumber: (a, b) => (a.caseNumber ?? "").localeCompare(b.caseNumber ?? "", "sv", { numeric: true }),
  activity: (a, b) => time(b.lastActivityAt) - time(a.lastActivityAt),
};

/** The registered (not draft) cases in one of the inbox's orders, kept per readable list. */
const sortedRegistered = (readable: readonly CaseRow[], sort: Query["sort"]) =>
  keptForList(readable, `inbox:${sort}`, () => readable.filter((c) => c.status !== "draft").sort(ORDER[sort]));

/** The cases waiting to be routed, oldest first, kept per readable list. */
const waitingToBeRouted = (readable: readonly CaseRow[]) =>
  keptForList(readable, "inbox:unrouted", () =>
    sortedRegistered(readable, "oldest").filter((c) => c.status === "submitted"),
  );

type IdKeys = { organisation: string; department: string; officer: string };
const idKeysCache = new WeakMap<CaseRow, IdKeys>();

/**
 * A case's ids as strings, made once per case row: filtering and searching test every case the
 * user may read, and turning an ObjectId into a string each time grew with the number of cases.
 */
function idKeys(c: CaseRow): IdKeys {
  let keys = idKeysCache.get(c);
  if (!keys) {
    keys = {
      organisation: String(c.organisationId),
      department: String(c.routing?.departmentId),
      officer: String(c.routing?.officerId),
    };
    idKeysCache.set(c, keys);
  }
  return keys;
}

/**
 * The civil-society office's inbox: what waits to be routed, and all cases the user may read,
 * filtered, searched (case number, title, organisation) and paged. Read from the in-memory
 * case list (read-model.server.ts): one marker read when nothing changed.
 */
export async function inbox(publicBodyId: Types.ObjectId, ability: AppAbility, query: Query, now = clockNow()) {
  const [readable, names, departments] = await Promise.all([
    readableCases(publicBodyId, ability),
    directory(),
    departmentsOf(publicBodyId),
  ]);
  const orgName = (c: CaseRow) => names.organisations.get(idKeys(c).organisation)?.name ?? "";
  const pattern = query.q ? new RegExp(escapeRegex(query.q), "i") : null;
  const before = query.olderThan ? now.getTime() - query.olderThan * DAY : null;
  const quietSince = query.quietFor ? now.getTime() - query.quietFor * DAY : null;
  const filtered = Boolean(
    query.status ||
    query.area ||
    query.department ||
    query.officer ||
    query.organisation ||
    before !== null ||
    quietSince !== null ||
    pattern,
  );
  // Unfiltered (the inbox's first view), the kept order is the list: nothing to test per case.
  const sorted = sortedRegistered(readable, query.sort);
  const matching = !filtered
    ? sorted
    : sorted.filter(
        (c) =>
          (!query.status || c.status === query.status) &&
          (!query.area || c.areas.includes(query.area)) &&
          (!query.department || idKeys(c).department === query.department) &&
          (!query.officer || idKeys(c).officer === query.officer) &&
          (!query.organisation || idKeys(c).organisation === query.organisation) &&
          (before === null || (c.receivedAt !== undefined && c.receivedAt.getTime() <= before)) &&
          (quietSince === null || c.lastActivityAt.getTime() <= quietSince) &&
          (!pattern || pattern.test(c.caseNumber ?? "") || pattern.test(c.title) || pattern.test(orgName(c))),
      );
  // The oldest few wait first; the list of all is the inbox filtered by status (a bounded page).
  const unrouted = waitingToBeRouted(readable);
  const page = matching.slice((query.page - 1) * PAGE_SIZE, query.page * PAGE_SIZE);
  const row = (c: CaseRow) => ({
    id: String(c._id),
    title: c.title,
    kind: c.kind,
    status: shownStatus(c),
    caseNumber: c.caseNumber ?? "",
    receivedAt: c.receivedAt?.toISOString() ?? null,
    ageDays: c.receivedAt ? Math.floor((now.getTime() - c.receivedAt.getTime()) / DAY) : 0,
    quietDays: Math.max(0, Math.floor((now.getTime() - c.lastActivityAt.getTime()) / DAY)),
    organisation: orgName(c),
    officer: c.routing ? (names.staff.get(String(c.routing.officerId))?.name ?? "") : "",
    department: c.routing ? (departments.find((d) => d._id.equals(c.routing?.departmentId))?.name ?? "") : "",
  });
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "sv");
  return {
    options: {
      departments: departments.map((d) => ({ id: String(d._id), name: d.name })),
      officers: [...names.staff]
        .filter(([, u]) =>
          u.staffMemberships.some(
            (m) => m.publicBodyId.equals(publicBodyId) && (m.role === "officer" || m.role === "coordinator"),
          ),
        )
        .map(([id, u]) => ({ id, name: u.name }))
        .sort(byName),
    },
    unrouted: unrouted.slice(0, UNROUTED_SHOWN).map(row),
    unroutedTotal: unrouted.length,
    cases: page.map(row),
    total: matching.length,
    page: query.page,
    pages: Math.max(1, Math.ceil(matching.length / PAGE_SIZE)),
  };
}

/** An agreement in force as its organisation follows it: the term, the next report and payment. */
const inForce = (c: CaseRow) => agreementInForce(c, swedishToday(clockNow()));

const closed = (status: CaseStatus) => (isIn(CLOSED_STATUSES, status) ? 1 : 0);

/**
 * An organisation member's own cases (all their organisations, in every public body: decision
 * 029): those still going on first, then the withdrawn, declined and ended ones, each group
 * newest change first; with who handles each, whether a meeting invitation waits for them, and
 * the body (with its address when it is not the one at `here`).
 */
export async function organisationCases(organisationIds: Types.ObjectId[], ability: AppAbility, here: Types.ObjectId) {
  if (organisationIds.length === 0) return [];
  const ours = (c: CaseRow) => organisationIds.some((id) => id.equals(c.organisationId));
  const { lead } = await casesByOrganisation();
  const own = organisationIds.flatMap((id) => lead.get(String(id)) ?? []);
  const bodyIds = [...new Set(own.map((c) => String(c.publicBodyId)))];
  const [readable, names, bodies] = await Promise.all([
    Promise.all(bodyIds.map((id) => readableCases(new Types.ObjectId(id), ability))),
    directory(),
    allBodies(),
  ]);
  const bodyOf = new Map(
    bodies.map((b) => [String(b._id), { name: b.name, url: b._id.equals(here) ? null : addressOfBody(b) }]),
  );
  return readable
    .flat()
    .filter(ours)
    .sort((a, b) => closed(a.status) - closed(b.status) || time(b.updatedAt) - time(a.updatedAt))
    .slice(0, 200)
    .map((c) => {
      const officer = c.routing ? names.staff.get(String(c.routing.officerId)) : undefined;
      return {
        id: String(c._id),
        title: c.title,
        kind: c.kind,
        status: shownStatus(c),
        caseNumber: c.caseNumber ?? null,
        receivedAt: c.receivedAt?.toISOString() ?? null,
        organisation: names.organisations.get(String(c.organisationId))?.name ?? "",
        publicBody: bodyOf.get(String(c.publicBodyId)) ?? { name: "", url: null },
        officer: c.routing ? (officer?.name ?? "") : null,
        officerEmail: c.routing ? (officer?.email ?? "") : null,
        department: c.routing
          ? (names.departments.find((d) => d._id.equals(c.routing?.departmentId))?.name ?? "")
          : null,
        meetingToConfirm: (c.pendingInvitations ?? 0) > 0,
        agreementDraft: draftToComment(c),
        // Who still has to sign the agreement, or the change to it, out for signing (account ids).
        awaitingSignatureFrom: awaitingSignatureFrom(c),
        agreement: inForce(c),
      };
    });
}
