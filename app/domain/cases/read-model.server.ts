import { subject } from "@casl/ability";
import mongoose, { type Types } from "mongoose";
import { CaseChangeModel, type CaseChange } from "#models/case-change";
import { ProposalModel, type Proposal } from "#models/proposal";
import { readById } from "../kernel/by-id.server";
import { isDuplicateKey } from "../kernel/claims.server";
import { markers, singleFlight, touch } from "../kernel/read-markers.server";
import { perObject } from "../kernel/per-object";
import { caseSubject } from "../access/ability.server";
import type { AppAbility } from "../access/policy";

// Read models for the list pages (inbox, "my proposals", reminders, start pages, register):
// kept in memory per instance and brought up to date by the change log (decision 030), so a
// list page costs one marker read whatever the number of cases (docs/decisions/009), and a
// change costs the next view a lookup of the changed case. On MongoDB the same code runs.

export interface CaseRow {
  _id: Types.ObjectId;
  publicBodyId: Types.ObjectId;
  organisationId: Types.ObjectId;
  version: number;
  title: string;
  kind: Proposal["kind"];
  status: Proposal["status"];
  caseNumber?: string;
  receivedAt?: Date;
  lastActivityAt: Date;
  updatedAt: Date;
  areas: string[];
  routing?: Proposal["routing"];
  contactEmail: string;
  pendingInvitations: number;
  partnerOrganisationIds?: Types.ObjectId[];
  orgActivity?: { at: Date; type: string };
  staffActivity?: { at: Date; by: Types.ObjectId };
  summary?: string;
  confidential?: boolean;
  publicationCleared?: boolean;
  periodStart?: Date;
  periodEnd?: Date;
  decision?: {
    outcome: "approved" | "declined";
    contributionPerYearSek: number;
    decisionDate?: Date;
    protocolRef?: string;
    decidedBy?: "committee" | "delegation";
  };
  agreement?: AgreementRow & { amendment?: { number: number; signing?: SigningRow } };
}

/** What the lists and reminders read of a signing: who signs, who has, since when. */
export interface SigningRow {
  sentAt: Date;
  signers: { userId: Types.ObjectId }[];
  signatures: { userId: Types.ObjectId }[];
}

export interface AgreementRow {
  number: number;
  start?: Date;
  end?: Date;
  municipalSekPerYear?: number;
  partners?: { name: string; orgNumber: string }[];
  signing?: SigningRow;
  plan?: { date: Date; amountSek: number }[];
  payments?: { amountSek: number; paidOn?: Date }[];
  reports?: { year: number; status: string; submittedAt?: Date }[];
}

const CASE_FIELDS =
  "publicBodyId organisationId version title kind status caseNumber receivedAt lastActivityAt updatedAt areas routing contactEmail pendingInvitations partnerOrganisationIds orgActivity staffActivity decision.outcome decision.contributionPerYearSek decision.decisionDate decision.protocolRef decision.decidedBy summary periodStart periodEnd confidential publicationCleared " +
  "agreement.number agreement.start agreement.end agreement.municipalSekPerYear agreement.partners.name agreement.partners.orgNumber agreement.plan " +
  "agreement.payments.amountSek agreement.payments.paidOn agreement.reports.year agreement.reports.status agreement.reports.submittedAt " +
  ["agreement.signing", "agreement.amendment.signing"]
    .map((s) => `${s}.sentAt ${s}.signers.userId ${s}.signatures.userId`)
    .join(" ") +
  " agreement.amendment.number";

/** The case list as this instance keeps it (docs/decisions/030). */
interface KeptList {
  /** The database and the "cases" marker it was read under: a new marker means read it all again. */
  key: string;
  rows: CaseRow[];
  /** The latest case change it holds, and the "caseChanges" marker it was brought up to. */
  seq: number;
  changes: string | undefined;
  /** When every row was last compared with the stored case (real time). */
  checkedAt: number;
}
let kept: KeptList | undefined;
/**
 * A list not compared with the stored cases for this long is compared again (each case's
 * version and time of change), so a change whose note was lost (a crash between the write and
 * the note) heals without reading every case whole (decision 036).
 */
const CHECK_EVERY_MS = 10 * 60 * 1000;
/** More changes than this since the list was read: reading it again is cheaper. */
const MAX_CATCH_UP = 200;

/**
 * Every case's list fields (all public bodies; callers filter by theirs). Read whole once per
 * instance; after that each change is read by its case's `_id` and body (the change log), so a
 * write costs the next view one lookup per changed case, not a read of every case.
 */
export async function caseRows(): Promise<CaseRow[]> {
  const found = await markers();
  const key = `${mongoose.connection.name}:${found.get("cases")?.token ?? (await touch("cases"))}`;
  const changes = found.get("caseChanges");
  const held = kept?.key === key ? kept : await singleFlight(`cases:${key}`, () => loadCaseList(key, changes));
  const current =
    held.changes === changes?.token
      ? held
      : await singleFlight(`cases:${key}:${changes?.token}`, () => catchUp(held, changes));
  kept =
    Math.abs(Date.now() - current.checkedAt) < CHECK_EVERY_MS
      ? current
      : await singleFlight(`cases:${key}:checked:${current.checkedAt}`, () => checkVersions(current));
  return kept.rows;
}

async function loadCaseList(key: string, changes: { token: string; seq?: number } | undefined): Promise<KeptList> {
  // The changes up to `seq` are in what is read next (each is noted after its case is written).
  const seq = await latestChange(changes?.seq ?? 0);
  const rows = (await ProposalModel.find().select(CASE_FIELDS).lean<CaseRow[]>()).map(compactRow);
  return { key, rows, seq, changes: changes?.token, checkedAt: Date.now() };
}

/**
 * Heals what the change log missed: every case's version and time of change (a small read),
 * compared with the kept rows; a row that differs is read again by `_id` and body, a case gone
 * leaves. When nothing differs the list stays the same object, so nothing worked out from it
 * (keptForList) is made again.
 */
async function checkVersions(list: KeptList): Promise<KeptList> {
  const checkedAt = Date.now();
  const stored = await ProposalModel.find()
    .select("publicBodyId version updatedAt")
    .lean<Pick<CaseRow, "_id" | "publicBodyId" | "version" | "updatedAt">[]>();
  const held = new Map(list.rows.map((row) => [String(row._id), row]));
  const stale = stored.filter((s) => {
    const row = held.get(String(s._id));
    return !row || row.version !== s.version || row.updatedAt?.getTime() !== s.updatedAt?.getTime();
  });
  const present = new Set(stored.map((s) => String(s._id)));
  const gone = list.rows.filter((row) => !present.has(String(row._id)));
  if (!stale.length && !gone.length) return { ...list, checkedAt };
  if (stale.length + gone.length > MAX_CATCH_UP)
    return loadCaseList(list.key, list.changes ? { token: list.changes, seq: list.seq } : undefined);
  const fresh = await Promise.all(
    stale.map((s) => readById<CaseRow>(ProposalModel, s._id, CASE_FIELDS, s.publicBodyId)),
  );
  const replaced = new Map<string, CaseRow | null>([
    ...stale.map((s, i) => [String(s._id), fresh[i] ? compactRow(fresh[i]) : null] as const),
    ...gone.map((row) => [String(row._id), null] as const),
  ]);
  return { ...list, rows: withReplaced(list.rows, replaced), checkedAt };
}

/** The rows with those in `replaced` replaced (null: removed); new ones last, as a whole read gives them. */
function withReplaced(rows: CaseRow[], replaced: Map<string, CaseRow | null | undefined>) {
  const left = new Map(replaced);
  const next = rows.flatMap((row) => {
    const id = String(row._id);
    if (!left.has(id)) return [row];
    const now = left.get(id);
    left.delete(id);
    return now ? [now] : [];
  });
  for (const row of left.values()) if (row) next.push(row);
  return next;
}

/**
 * The row as an object of one fixed shape. The driver builds each document key by key, and V8
 * keeps an object with more than a dozen keys added that way as a hash table: about 1.5 KB per
 * case instead of some 200 bytes, a third of the kept list (decision 036). Every row made here
 * shares one hidden class; the few nested objects stay small enough to be compact already.
 */
function compactRow(d: CaseRow): CaseRow {
  const row: { [K in keyof Required<CaseRow>]: CaseRow[K] } = {
    _id: d._id,
    publicBodyId: d.publicBodyId,
    organisationId: d.organisationId,
    version: d.version,
    title: d.title,
    kind: d.kind,
    status: d.status,
    caseNumber: d.caseNumber,
    receivedAt: d.receivedAt,
    lastActivityAt: d.lastActivityAt,
    updatedAt: d.updatedAt,
    areas: d.areas,
    routing: d.routing,
    contactEmail: d.contactEmail,
    pendingInvitations: d.pendingInvitations,
    partnerOrganisationIds: d.partnerOrganisationIds,
    orgActivity: d.orgActivity,
    staffActivity: d.staffActivity,
    summary: d.summary,
    confidential: d.confidential,
    publicationCleared: d.publicationCleared,
    periodStart: d.periodStart,
    periodEnd: d.periodEnd,
    decision: d.decision,
    agreement: d.agreement,
  };
  return row;
}

/** The number of the latest change, looking up from `from` (the marker's hint) by `_id`. */
async function latestChange(from: number) {
  let seq = from;
  while (await readById<CaseChange>(CaseChangeModel, seq + 1, "_id")) seq++;
  return seq;
}

/** The list with the changes noted since it was read: each changed case read again by `_id`. */
async function catchUp(list: KeptList, marker: { token: string; seq?: number } | undefined): Promise<KeptList> {
  // Each changed case and its body (a change noted before decision 037 names none).
  const changed = new Map<string, Types.ObjectId | undefined>();
  let seq = list.seq;
  for (;;) {
    const next = await readById<CaseChange>(CaseChangeModel, seq + 1);
    if (!next) break;
    changed.set(String(next.caseId), next.publicBodyId);
    seq++;
    if (changed.size > MAX_CATCH_UP) return loadCaseList(list.key, marker);
  }
  // Changes removed before this instance read them (an instance asleep for a day): read it all.
  if ((marker?.seq ?? 0) > seq) return loadCaseList(list.key, marker);
  const ids = [...changed.keys()];
  const fresh = await Promise.all(ids.map((id) => readById<CaseRow>(ProposalModel, id, CASE_FIELDS, changed.get(id))));
  const replaced = new Map(ids.map((id, i) => [id, fresh[i] && compactRow(fresh[i])] as const));
  return { ...list, rows: withReplaced(list.rows, replaced), seq, changes: marker?.token };
}

/** Per database (tests run several in one process): the latest change this instance noted. */
const lastChange = new Map<string, number>();

/**
 * Notes that a case was written (after the write): the next view of every instance reads it
 * again. Numbered by a unique insert, so two writers at once never share a number.
 */
export async function caseChanged(
  // `version` only so that a bare ObjectId (an `_id` of itself) cannot stand for the case.
  c: { _id: Types.ObjectId; version: number; publicBodyId?: Types.ObjectId },
) {
  const db = mongoose.connection.name;
  let seq = Math.max(lastChange.get(db) ?? 0, (await markers()).get("caseChanges")?.seq ?? 0) + 1;
  for (let attempt = 0; ; attempt++) {
    try {
      // Real time, not the business clock (a test's or a job's date): it only decides pruning.
      await CaseChangeModel.collection.insertOne({
        _id: seq,
        caseId: c._id,
        ...(c.publicBodyId ? { publicBodyId: c.publicBodyId } : {}),
        at: new Date(),
      } as never);
      break;
    } catch (error) {
      if (!isDuplicateKey(error) || attempt > 10_000) throw error;
      seq++;
    }
  }
  lastChange.set(db, seq);
  await touch("caseChanges", { seq });
}

/**
 * The kept list's row of a case (undefined for none): the same object until the case changes
 * (catchUp replaces a changed case's row and keeps the others), so it can key what is kept per
 * version of a case (engine's viewCaseById).
 */
export async function caseRowById(id: string) {
  const rows = await caseRows();
  return keptForList(rows, "by-id", () => new Map(rows.map((row) => [String(row._id), row]))).get(id);
}

const keptPerList = new WeakMap<object, Map<string, unknown>>();

/**
 * A value worked out from a case list (or a list made from one), made once per list and key. A
 * change to any case makes a new list, so nothing kept here is stale; values that also depend on
 * the date or on one person's marks belong in the key or outside. At most 500 keys per list
 * (many people between two changes of the list).
 */
export function keptForList<T>(list: object, key: string, make: () => T): T {
  let values = keptPerList.get(list);
  if (!values) {
    values = new Map();
    keptPerList.set(list, values);
  }
  if (values.has(key)) return values.get(key) as T;
  const value = make();
  if (values.size >= 500) values.clear();
  values.set(key, value);
  return value;
}

/**
 * Each organisation's cases, as the lead organisation and as a co-organisation, made once per
 * case list: an organisation's pages then read its own cases, not every body's.
 */
export async function casesByOrganisation() {
  const rows = await caseRows();
  return keptForList(rows, "by-organisation", () => {
    const lead = new Map<string, CaseRow[]>();
    const partner = new Map<string, CaseRow[]>();
    const add = (map: Map<string, CaseRow[]>, id: Types.ObjectId, c: CaseRow) => {
      const list = map.get(String(id));
      if (list) list.push(c);
      else map.set(String(id), [c]);
    };
    for (const c of rows) {
      add(lead, c.organisationId, c);
      for (const p of c.partnerOrganisationIds ?? []) add(partner, p, c);
    }
    return { lead, partner };
  });
}

const rulesKey = perObject((ability: AppAbility) => JSON.stringify(ability.rules));

/**
 * The cases of a public body that `ability` may read (drafts too, where it may), in the case
 * list's order. Asking the policy about every case is the costly part of a list page, so the
 * answer is kept per case list and per set of rules (the same person, or people with the same
 * roles). Frozen: callers copy before sorting.
 */
export async function readableCases(publicBodyId: Types.ObjectId, ability: AppAbility): Promise<readonly CaseRow[]> {
  const rows = await caseRows();
  return keptForList(rows, `readable:${String(publicBodyId)}:${rulesKey(ability)}`, () =>
    Object.freeze(
      rows.filter((c) => c.publicBodyId.equals(publicBodyId) && ability.can("read", subject("Case", caseSubject(c)))),
    ),
  );
}
