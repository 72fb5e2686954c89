import { subject } from "@casl/ability";
import type { Types } from "mongoose";
import { ProposalModel, type Proposal } from "#models/proposal";
import { cachedUntilTouched } from "../kernel/read-markers.server";
import { perObject } from "../kernel/per-object";
import { caseSubject } from "../access/ability.server";
import type { AppAbility } from "../access/policy";

// Read models for the list pages (inbox, "my proposals", reminders, start pages, register):
// kept in memory per instance until their marker changes (kernel/read-markers.server.ts), so a
// list page costs one marker read whatever the number of cases (docs/decisions/009). On MongoDB
// the same code runs; the indexes declared on the models serve the rebuilds.

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

/** Every case's list fields (all public bodies; callers filter by theirs). */
export function caseRows(): Promise<CaseRow[]> {
  return cachedUntilTouched("cases", () => ProposalModel.find().select(CASE_FIELDS).lean<CaseRow[]>());
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
