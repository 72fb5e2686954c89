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
  loadedAt: number;
}
let kept: KeptList | undefined;
/** A list older than this is read again whole, so a change whose note was lost heals. */
const MAX_AGE_MS = 10 * 60 * 1000;
/** More changes than this since the list was read: reading it again is cheaper. */
const MAX_CATCH_UP = 200;

/**
 * Every case's list fields (all public bodies; callers filter by theirs). Read whole once per
 * instance; after that each change is read by its case's `_id` alone (the change log), so a
 * write costs the next view one lookup per changed case, not a read of every case.
 */
export async function caseRows(): Promise<CaseRow[]> {
  const found = await markers();
  const key = `${mongoose.connection.name}:${found.get("cases")?.token ?? (await touch("cases"))}`;
  const changes = found.get("caseChanges");
  const fresh = kept?.key === key && Date.now() - kept.loadedAt < MAX_AGE_MS ? kept : undefined;
  const list = fresh ?? (await singleFlight(`cases:${key}`, () => loadCaseList(key, changes)));
  const current =
    list.changes === changes?.token
      ? list
      : await singleFlight(`cases:${key}:${changes?.token}`, () => catchUp(list, changes));
  kept = current;
  return current.rows;
}

async function loadCaseList(key: string, changes: { token: string; seq?: number } | undefined): Promise<KeptList> {
  // The changes up to `seq` are in what is read next (each is noted after its case is written).
  const seq = await latestChange(changes?.seq ?? 0);
  const rows = await ProposalModel.find().select(CASE_FIELDS).lean<CaseRow[]>();
  return { key, rows, seq, changes: changes?.token, loadedAt: Date.now() };
}

/** The number of the latest change, looking up from `from` (the marker's hint) by `_id`. */
async function latestChange(from: number) {
  let seq = from;
  while (await readById<CaseChange>(CaseChangeModel, seq + 1, "_id")) seq++;
  return seq;
}

/** The list with the changes noted since it was read: each changed case read again by `_id`. */
async function catchUp(list: KeptList, marker: { token: string; seq?: number } | undefined): Promise<KeptList> {
  const changed = new Set<string>();
  let seq = list.seq;
  for (;;) {
    const next = await readById<CaseChange>(CaseChangeModel, seq + 1);
    if (!next) break;
    changed.add(String(next.caseId));
    seq++;
    if (changed.size > MAX_CATCH_UP) return loadCaseList(list.key, marker);
  }
  // Changes removed before this instance read them (an instance asleep for a day): read it all.
  if ((marker?.seq ?? 0) > seq) return loadCaseList(list.key, marker);
  const fresh = await Promise.all([...changed].map((id) => readById<CaseRow>(ProposalModel, id, CASE_FIELDS)));
  const replaced = new Map(fresh.flatMap((row, i) => [[[...changed][i]!, row] as const]));
  const rows = list.rows.flatMap((row) => {
    const id = String(row._id);
    if (!replaced.has(id)) return [row];
    const now = replaced.get(id);
    replaced.delete(id);
    return now ? [now] : [];
  });
  // Cases new since the list was read come last, as a whole read would give them.
  for (const row of replaced.values()) if (row) rows.push(row);
  return { ...list, rows, seq, changes: marker?.token };
}

/** Per database (tests run several in one process): the latest change this instance noted. */
const lastChange = new Map<string, number>();

/**
 * Notes that a case was written (after the write): the next view of every instance reads it
 * again. Numbered by a unique insert, so two writers at once never share a number.
 */
export async function caseChanged(caseId: Types.ObjectId) {
  const db = mongoose.connection.name;
  let seq = Math.max(lastChange.get(db) ?? 0, (await markers()).get("caseChanges")?.seq ?? 0) + 1;
  for (let attempt = 0; ; attempt++) {
    try {
      // Real time, not the business clock (a test's or a job's date): it only decides pruning.
      await CaseChangeModel.collection.insertOne({ _id: seq, caseId, at: new Date() } as never);
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
