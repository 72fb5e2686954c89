import { LRUCache } from "lru-cache";
import type { Types } from "mongoose";
import { SeenMarksModel } from "#models/seen-marks";
import { awaitingSignatureFrom, draftToComment, reportsToAssess, signingUnderWay } from "../agreements/progress";
import type { AppAbility } from "../access/policy";
import { organisationCases } from "../casework/inbox.server";
import { caseRows, casesByOrganisation, keptForList, readableCases, type CaseRow } from "../cases/read-model.server";
import { departmentsOf, directory, type Directory } from "../directory/directory.server";
import { workingDaysBetween } from "../kernel/swedish-calendar";
import { isIn, isOpen, DIALOGUE_STATUSES, shownStatus } from "../lifecycle/statuses";
import type { SessionUser } from "../identity/sessions.server";
import { setById } from "../kernel/claims.server";
import { clockNow } from "../kernel/clock";
import type { PublicBodyDoc } from "../public-body/public-body.server";
import { grantedSekPerYear, isGranted } from "../statistics/figures";
import { addressOfBody, allBodies } from "../public-body/public-body.server";

// Each person's own start page (docs/domain.md, "Start pages"): what waits for them, built from
// the in-memory case list (one `_id` lookup when nothing changed) and the person's seen marks.

const DAY = 24 * 60 * 60 * 1000;
/** At most this many rows per start-page list (the rest are one link away). */
const START_LIST_MAX = 30;
const daysSince = (d: Date, now: Date) => Math.floor((now.getTime() - d.getTime()) / DAY);

/** What an organisation member should do next, per case (the task list of "Att göra"). */
export type OrgTask =
  "answerCompletion" | "confirmMeeting" | "finishDraft" | "finishProposal" | "commentAgreement" | "signAgreement";

// The agreement's tasks are done on the agreement page.
const AGREEMENT_TASKS: readonly OrgTask[] = ["commentAgreement", "signAgreement"];

/**
 * An organisation member's part of the start page: their organisations' cases and tasks in every
 * public body (organisations are national, decision 029), each leading to its body's address.
 */
export async function organisationStart(publicBody: PublicBodyDoc, user: SessionUser, ability: AppAbility) {
  const orgIds = user.orgMemberships.map((m) => m.organisationId);
  const [cases, { partner }, bodies] = await Promise.all([
    organisationCases(orgIds, ability, publicBody._id),
    casesByOrganisation(),
    allBodies(),
  ]);
  const bodyOf = (id: Types.ObjectId) => bodies.find((b) => b._id.equals(id));
  // Another body's case leads to that body's address (one sign-in serves both: decision 028).
  const addressOf = (id: Types.ObjectId) => {
    const body = id.equals(publicBody._id) ? undefined : bodyOf(id);
    return body ? addressOfBody(body) : "";
  };
  // Agreements that name the person's organisation as a co-organisation: their agreement tasks.
  const partnerTasks = [...new Set(orgIds.flatMap((id) => partner.get(String(id)) ?? []))]
    .filter((c) => !orgIds.some((o) => o.equals(c.organisationId)))
    .flatMap((c) =>
      [
        ...(draftToComment(c) ? (["commentAgreement"] as const) : []),
        ...(awaitingSignatureFrom(c).includes(String(user._id)) ? (["signAgreement"] as const) : []),
      ].map((task) => ({
        task,
        caseId: String(c._id),
        title: c.title,
        href: `${addressOf(c.publicBodyId)}/forslag/${String(c._id)}/avtal`,
        publicBody: bodyOf(c.publicBodyId)?.name ?? "",
      })),
    );
  const tasks = cases.flatMap((c) => {
    const list: OrgTask[] = [];
    if (c.status === "awaiting_completion") list.push("answerCompletion");
    if (c.meetingToConfirm) list.push("confirmMeeting");
    if (c.status === "draft") list.push("finishDraft");
    if (c.status === "preparing_proposal") list.push("finishProposal");
    if (c.agreementDraft) list.push("commentAgreement");
    if (c.awaitingSignatureFrom.includes(String(user._id))) list.push("signAgreement");
    return list.map((task) => ({
      task,
      caseId: c.id,
      title: c.title,
      href: `${c.publicBody.url ?? ""}/forslag/${c.id}${AGREEMENT_TASKS.includes(task) ? "/avtal" : ""}`,
      publicBody: c.publicBody.name,
    }));
  });
  return { tasks: [...tasks, ...partnerTasks], cases };
}

async function names(publicBodyId: Types.ObjectId) {
  const [dir, departments] = await Promise.all([directory(), departmentsOf(publicBodyId)]);
  return {
    organisation: (id: Types.ObjectId) => dir.organisations.get(String(id))?.name ?? "",
    staff: (id: Types.ObjectId | undefined) => (id ? (dir.staff.get(String(id))?.name ?? "") : ""),
    department: (id: Types.ObjectId | undefined) => (id ? (departments.find((d) => d._id.equals(id))?.name ?? "") : ""),
    departments,
  };
}

const rowFor = (c: CaseRow, n: Awaited<ReturnType<typeof names>>) => ({
  id: String(c._id),
  title: c.title,
  kind: c.kind,
  status: shownStatus(c),
  caseNumber: c.caseNumber ?? "",
  organisation: n.organisation(c.organisationId),
  officer: n.staff(c.routing?.officerId),
  department: n.department(c.routing?.departmentId),
});

type OfficeLists = {
  unrouted: CaseRow[];
  inDialogueByActivity: CaseRow[];
  load: Workload[];
};
/**
 * What the office's start page needs from every case it may read, made once per case list (a
 * change to any case makes a new list): the page then only reads the first rows of each.
 */
const officeLists = (readable: readonly CaseRow[]) =>
  keptForList(readable, "office", (): OfficeLists => {
    const rows = readable.filter((c) => c.status !== "draft");
    const load = new Map<string, Workload>();
    for (const c of rows) {
      const work = workOn(c);
      if (!c.routing || !work) continue;
      const key = String(c.routing.officerId);
      const entry = load.get(key) ?? {
        officerId: c.routing.officerId,
        departmentId: c.routing.departmentId,
        open: 0,
        inAssessment: 0,
        agreementsToDraft: 0,
        signatures: 0,
        reportsToAssess: 0,
      };
      for (const k of WORK_KINDS) entry[k] += work[k];
      load.set(key, entry);
    }
    return {
      unrouted: rows
        .filter((c) => c.status === "submitted" && c.receivedAt)
        .sort((a, b) => (a.receivedAt?.getTime() ?? 0) - (b.receivedAt?.getTime() ?? 0)),
      inDialogueByActivity: rows
        .filter((c) => isIn(DIALOGUE_STATUSES, c.status) && c.status !== "submitted")
        .sort((a, b) => a.lastActivityAt.getTime() - b.lastActivityAt.getTime()),
      load: [...load.values()],
    };
  });

const WORK_KINDS = ["open", "inAssessment", "agreementsToDraft", "signatures", "reportsToAssess"] as const;
type Workload = { officerId: Types.ObjectId; departmentId: Types.ObjectId } & Record<
  (typeof WORK_KINDS)[number],
  number
>;

/**
 * What one case asks of its officer, for the office's workload table: an open case (before the
 * decision), its assessment, and the agreement's work after approval (a draft or a change to
 * write, a signing under way, reports to assess). Null when it asks nothing.
 */
function workOn(c: CaseRow): Record<(typeof WORK_KINDS)[number], number> | null {
  const work = {
    open: isOpen(c.status) ? 1 : 0,
    inAssessment: c.status === "in_assessment" ? 1 : 0,
    agreementsToDraft: c.status === "approved" || draftToComment(c) ? 1 : 0,
    signatures: signingUnderWay(c) ? 1 : 0,
    reportsToAssess: reportsToAssess(c).length,
  };
  return Object.values(work).some(Boolean) ? work : null;
}

/** The office: what waits to be routed (oldest first), what has gone quiet, and who carries what. */
export async function coordinatorStart(publicBody: PublicBodyDoc, ability: AppAbility, now = clockNow()) {
  const [readable, n] = await Promise.all([readableCases(publicBody._id, ability), names(publicBody._id)]);
  const { unrouted, inDialogueByActivity, load } = officeLists(readable);
  const quietAfter = publicBody.inactivityReminderDays ?? 14;
  const toRoute = unrouted.slice(0, START_LIST_MAX).map((c) => ({
    ...rowFor(c, n),
    receivedAt: c.receivedAt?.toISOString() ?? "",
    workingDaysWaiting: c.receivedAt ? workingDaysBetween(c.receivedAt, now) : 0,
  }));
  // Oldest activity first, so the quiet cases are the list's beginning.
  const quietCount = inDialogueByActivity.findIndex((c) => daysSince(c.lastActivityAt, now) < quietAfter);
  const allQuiet = quietCount === -1 ? inDialogueByActivity : inDialogueByActivity.slice(0, quietCount);
  const quiet = allQuiet
    .slice(0, START_LIST_MAX)
    .map((c) => ({ ...rowFor(c, n), quietDays: daysSince(c.lastActivityAt, now) }));
  const total = (w: Workload) => WORK_KINDS.reduce((sum, k) => sum + (k === "inAssessment" ? 0 : w[k]), 0);
  const workload = load
    .map(({ officerId, departmentId, ...work }) => ({
      officer: n.staff(officerId),
      department: n.department(departmentId),
      ...work,
      total: total({ officerId, departmentId, ...work }),
    }))
    .sort((a, b) => b.total - a.total || a.officer.localeCompare(b.officer, "sv"));
  return {
    toRoute,
    toRouteTotal: unrouted.length,
    quiet,
    quietTotal: allQuiet.length,
    quietAfter,
    workload,
  };
}

/** Why a case waits for the officer. */
export type OfficerReason =
  "assigned" | "newFromOrganisation" | "assessmentOpen" | "agreementToDraft" | "agreementToSign" | "reportToAssess";

// After approval the officer's work goes on with the agreement, until it has ended.
const AGREEMENT_WORK: readonly string[] = ["approved", "agreement_pending_signatures", "active"];
// News from the organisation that another reason covers, or that needs no answer.
const NEWS_NOT_WAITING = new Set(["signAgreement", "amendmentSigned", "reportSubmitted", "withdraw"]);

export interface Waiting {
  reason: OfficerReason;
  /** Since when it has waited for the officer. */
  since: Date;
  /** For news from the organisation: what it was (a message, an answer, a comment). */
  news?: string;
}

/**
 * What waits for this officer's action on a case, each with the date it has waited since: only
 * the officer's turn, never a case that waits for the organisation. It is the officer's turn
 * when the organisation did something shared after staff last did (a message, an answer, a
 * comment), when the case was assigned to them and they have not acted on it yet, and for the
 * steps that are theirs (an assessment begun, an agreement to draft or sign, a report to assess).
 */
export function waitingOnOfficer(c: CaseRow, userId: string): Waiting[] {
  const out: Waiting[] = [];
  const org = c.orgActivity;
  // A case from before staff's changes were stamped: staff acted last if the organisation did not.
  const staffAt = c.staffActivity?.at ?? (org && c.lastActivityAt > org.at ? c.lastActivityAt : undefined);
  if (org && (!staffAt || org.at > staffAt) && !NEWS_NOT_WAITING.has(org.type))
    out.push({ reason: "newFromOrganisation", since: org.at, news: org.type });
  else if (
    c.status === "in_dialogue" &&
    c.routing?.officerId.equals(userId) &&
    c.staffActivity &&
    !c.staffActivity.by.equals(userId) &&
    c.staffActivity.at <= c.routing.routedAt
  )
    out.push({ reason: "assigned", since: c.routing.routedAt });
  if (c.status === "in_assessment") out.push({ reason: "assessmentOpen", since: staffAt ?? c.lastActivityAt });
  if (c.status === "approved" && !c.agreement)
    out.push({ reason: "agreementToDraft", since: c.decision?.decisionDate ?? c.lastActivityAt });
  const signing = signingUnderWay(c);
  if (signing && awaitingSignatureFrom(c).includes(userId))
    out.push({ reason: "agreementToSign", since: signing.sentAt });
  const reports = reportsToAssess(c);
  if (reports.length)
    out.push({
      reason: "reportToAssess",
      since: new Date(Math.min(...reports.map((r) => (r.submittedAt ?? c.lastActivityAt).getTime()))),
    });
  return out;
}

/**
 * An officer's cases (their own and, for an officer, their departments'), open or with agreement
 * work, latest activity first, each with what waits for them: made once per case list and
 * person, so a view does not test every case again.
 */
function officerWork(readable: readonly CaseRow[], publicBody: PublicBodyDoc, user: SessionUser) {
  return keptForList(readable, `officer:${String(user._id)}`, () => {
    const staff = user.staffMemberships.find((m) => m.publicBodyId.equals(publicBody._id));
    const mine = readable
      .filter(
        (c) =>
          c.status !== "draft" &&
          c.routing &&
          (c.routing.officerId.equals(user._id) ||
            (staff?.role === "officer" && staff.departmentIds.some((d) => d.equals(c.routing?.departmentId)))) &&
          (isOpen(c.status) || AGREEMENT_WORK.includes(c.status)),
      )
      .sort((a, b) => b.lastActivityAt.getTime() - a.lastActivityAt.getTime());
    // What has waited longest first: the most urgent.
    const waiting = mine
      .map((c) => ({ c, waiting: waitingOnOfficer(c, String(user._id)) }))
      .filter((w) => w.waiting.length)
      .map((w) => ({ ...w, since: Math.min(...w.waiting.map((x) => x.since.getTime())) }))
      .sort((a, b) => a.since - b.since);
    return { mine, waiting };
  });
}

/** An officer's own cases, and what waits for them, with "new since you last looked" marks. */
export async function officerStart(publicBody: PublicBodyDoc, user: SessionUser, ability: AppAbility) {
  const [readable, n, seen] = await Promise.all([
    readableCases(publicBody._id, ability),
    names(publicBody._id),
    SeenMarksModel.findById(user._id).lean(),
  ]);
  const { mine, waiting } = officerWork(readable, publicBody, user);
  const isNew = (c: CaseRow) => {
    const at = c.orgActivity?.at;
    const last = seen?.cases?.[String(c._id)];
    return Boolean(at && (!last || new Date(last).getTime() < at.getTime()));
  };
  // A start page shows the first; the inbox (filtered to this officer) has them all.
  return {
    waiting: waiting.slice(0, START_LIST_MAX).map(({ c, waiting: why }) => ({
      ...rowFor(c, n),
      unread: isNew(c),
      reasons: why.map((w) => ({ reason: w.reason, since: w.since.toISOString(), news: w.news ?? "" })),
    })),
    waitingTotal: waiting.length,
    mine: mine.slice(0, START_LIST_MAX).map((c) => ({ ...rowFor(c, n), unread: isNew(c) })),
    mineTotal: mine.length,
    allMine: `/handlaggning?officer=${String(user._id)}`,
  };
}

/**
 * Marks the case as seen by this person now (their "new" marks clear). Written only when the
 * organisation has done something since the last mark: a page view otherwise costs one read, and
 * nothing once this instance has read or written the mark.
 */
export async function markSeen(
  userId: Types.ObjectId,
  c: { _id: Types.ObjectId; orgActivity?: { at: Date } },
  now = clockNow(),
) {
  const key = String(c._id);
  const memo = `${String(userId)}:${key}`;
  const activity = c.orgActivity?.at.getTime() ?? -Infinity;
  const known = knownSeen.get(memo);
  if (known !== undefined && known >= activity) return;
  const last = (await SeenMarksModel.findById(userId).lean())?.cases?.[key];
  const lastAt = last ? new Date(last).getTime() : null;
  if (lastAt !== null && lastAt >= activity) {
    knownSeen.set(memo, lastAt);
    return;
  }
  await setById(SeenMarksModel, userId, { [`cases.${key}`]: now });
  knownSeen.set(memo, now.getTime());
}

// This instance's last known seen mark per person and case, so that a view after which nothing
// changed costs no read. A mark only moves forward, so the stored one is never older than this.
const knownSeen = new LRUCache<string, number>({ max: 20_000 });

/** A politician's first overview: counts by status, area and department; approved money per year. */
export async function overviewStart(publicBody: PublicBodyDoc) {
  const [rows, n, dir] = await Promise.all([caseRows(), names(publicBody._id), directory()]);
  // Counting every case is the page's cost: done once per case list and names.
  const perBody = overviews.get(rows) ?? new Map<string, { dir: Directory; result: Overview }>();
  overviews.set(rows, perBody);
  const hit = perBody.get(String(publicBody._id));
  if (hit?.dir === dir) return hit.result;
  const result = countOverview(publicBody, rows, n);
  perBody.set(String(publicBody._id), { dir, result });
  return result;
}

type Overview = ReturnType<typeof countOverview>;
const overviews = new WeakMap<CaseRow[], Map<string, { dir: Directory; result: Overview }>>();

function countOverview(publicBody: PublicBodyDoc, rows: CaseRow[], n: Awaited<ReturnType<typeof names>>) {
  const registered = rows.filter((c) => c.publicBodyId.equals(publicBody._id) && c.status !== "draft");
  const count = <K extends string>(keys: (c: CaseRow) => K[]) => {
    const map = new Map<K, number>();
    for (const c of registered) for (const k of keys(c)) map.set(k, (map.get(k) ?? 0) + 1);
    return [...map].map(([key, value]) => ({ key, value })).sort((a, b) => b.value - a.value);
  };
  // The same figure as the overview's and the register's (statistics/figures.ts).
  const granted = registered.filter((c) => isGranted(c.status));
  return {
    total: registered.length,
    byStatus: count((c) => [c.status]),
    byArea: count((c) => c.areas),
    byDepartment: count((c) => (c.routing ? [n.department(c.routing.departmentId)] : [])),
    approved: granted.length,
    approvedSekPerYear: granted.reduce((sum, c) => sum + grantedSekPerYear(c), 0),
  };
}

/** The sections of this person's start page, by their memberships in this public body. */
export async function startPage(publicBody: PublicBodyDoc, user: SessionUser, ability: AppAbility) {
  const roles = new Set(
    user.staffMemberships.filter((m) => m.publicBodyId.equals(publicBody._id)).map((m) => m.role as string),
  );
  const member = user.orgMemberships.length > 0;
  const [organisation, office, officer, overview, elsewhereWork] = await Promise.all([
    member ? organisationStart(publicBody, user, ability) : null,
    roles.has("coordinator") || roles.has("admin") ? coordinatorStart(publicBody, ability) : null,
    roles.has("officer") ? officerStart(publicBody, user, ability) : null,
    roles.has("politician") ? overviewStart(publicBody) : null,
    workElsewhere(publicBody, user, ability),
  ]);
  // The other bodies the person's organisations have cases with (staff work there is grouped).
  const elsewhere: { name: string; url: string }[] = [];
  for (const c of organisation?.cases ?? [])
    if (
      c.publicBody.url &&
      !elsewhere.some((b) => b.url === c.publicBody.url) &&
      !elsewhereWork.some((g) => g.url === c.publicBody.url)
    )
      elsewhere.push({ name: c.publicBody.name, url: c.publicBody.url });
  elsewhere.sort((a, b) => a.name.localeCompare(b.name, "sv"));
  return {
    organisation,
    office,
    officer,
    overview,
    elsewhere,
    workElsewhere: elsewhereWork,
    /** This body's name, heading its own sections when the person works in others too. */
    here: elsewhereWork.length && roles.size ? publicBody.name : null,
    admin: roles.has("admin"),
    // Staff of another body cannot register an organisation (the policy): not a newcomer here.
    newcomer: !member && roles.size === 0 && user.staffMemberships.length === 0,
  };
}

/** How many of another body's waiting cases its group on the start page names. */
const ELSEWHERE_FIRST = 5;

/**
 * A staff member's work in the other public bodies where they hold a role (a regional officer,
 * a coordinator serving two municipalities), grouped by body: what waits there, counted, with
 * the first cases named, each linked at that body's own address (decision 028).
 */
async function workElsewhere(publicBody: PublicBodyDoc, user: SessionUser, ability: AppAbility) {
  const roles = new Map(
    user.staffMemberships
      .filter((m) => !m.publicBodyId.equals(publicBody._id))
      .map((m) => [String(m.publicBodyId), m.role as string]),
  );
  if (roles.size === 0) return [];
  const bodies = (await allBodies()).filter((b) => roles.has(String(b._id)));
  const groups = await Promise.all(
    bodies.map(async (body) => {
      const role = roles.get(String(body._id)) ?? "";
      const url = addressOfBody(body);
      const [office, officer] = await Promise.all([
        role === "coordinator" || role === "admin" ? coordinatorStart(body, ability) : null,
        role === "officer" ? officerStart(body, user, ability) : null,
      ]);
      const named = (rows: { id: string; title: string; caseNumber: string; organisation: string }[]) =>
        rows.slice(0, ELSEWHERE_FIRST).map((c) => ({
          caseNumber: c.caseNumber,
          title: c.title,
          organisation: c.organisation,
          url: `${url}/handlaggning/arenden/${c.id}`,
        }));
      return {
        name: body.name,
        url,
        role,
        toRoute: office ? { total: office.toRouteTotal, first: named(office.toRoute) } : null,
        quiet: office ? { total: office.quietTotal, days: office.quietAfter } : null,
        waiting: officer ? { total: officer.waitingTotal, first: named(officer.waiting) } : null,
        mine: officer ? { total: officer.mineTotal, url: `${url}${officer.allMine}` } : null,
      };
    }),
  );
  return groups.sort((a, b) => a.name.localeCompare(b.name, "sv"));
}

export type StartPageData = Awaited<ReturnType<typeof startPage>>;
