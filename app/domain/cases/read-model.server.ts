import { subject } from "@casl/ability";
import type { Types } from "mongoose";
import { DepartmentModel } from "#models/department";
import { OrganisationModel } from "#models/organisation";
import { ProposalModel, type Proposal } from "#models/proposal";
import { UserModel } from "#models/user";
import { cachedUntilTouched, markers } from "../kernel/read-markers.server";
import { perObject } from "../kernel/per-object";
import { caseSubject } from "../access/ability.server";
import type { AppAbility } from "../access/policy";

export { touch } from "../kernel/read-markers.server";

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

export interface Directory {
  organisations: Map<
    string,
    { name: string; orgNumber: string; city: string; email: string; publicBodyId: Types.ObjectId }
  >;
  staff: Map<
    string,
    {
      name: string;
      email: string;
      staffMemberships: {
        publicBodyId: Types.ObjectId;
        role: string;
        departmentIds: Types.ObjectId[];
        delegation?: boolean;
      }[];
      /** Has set a password (an invited staff member who has not is not active yet). */
      active: boolean;
    }
  >;
  /** By name. */
  departments: { _id: Types.ObjectId; name: string; publicBodyId: Types.ObjectId; areas: string[] }[];
}

/** Names of organisations, staff and departments, for lists and option lists. */
export function directory(): Promise<Directory> {
  return cachedUntilTouched("directory", async () => {
    const [orgs, staff, departments] = await Promise.all([
      OrganisationModel.find().select("name orgNumber city email publicBodyId").lean(),
      UserModel.find({ "staffMemberships.publicBodyId": { $exists: true } })
        .select("name email staffMemberships passwordChangedAt")
        .lean(),
      DepartmentModel.find().select("name publicBodyId areas").lean(),
    ]);
    return {
      organisations: new Map(
        orgs.map((o) => [
          String(o._id),
          { name: o.name, orgNumber: o.orgNumber, city: o.city ?? "", email: o.email, publicBodyId: o.publicBodyId },
        ]),
      ),
      staff: new Map(
        staff.map((u) => [
          String(u._id),
          { name: u.name, email: u.email, staffMemberships: u.staffMemberships, active: Boolean(u.passwordChangedAt) },
        ]),
      ),
      departments: departments.sort((a, b) => a.name.localeCompare(b.name, "sv")),
    };
  });
}

/** A public body's departments by name (`_id` and name), from the directory. */
export async function departmentsOf(publicBodyId: Types.ObjectId) {
  const { departments } = await directory();
  return departments.filter((d) => d.publicBodyId.equals(publicBodyId)).map(({ _id, name }) => ({ _id, name }));
}

/**
 * The version of what the lists are made of: a tag that changes whenever a case or a name does,
 * and when that was. One read of the markers; what open data answers `ETag`/`Last-Modified` with.
 */
export async function readModelVersion() {
  const found = await markers();
  const [cases, names] = [found.get("cases"), found.get("directory")];
  const times = [cases?.at, names?.at].filter((d): d is Date => Boolean(d)).map((d) => d.getTime());
  return {
    tag: `${cases?.token ?? "0"}.${names?.token ?? "0"}`,
    at: new Date(times.length ? Math.max(...times) : 0),
  };
}
