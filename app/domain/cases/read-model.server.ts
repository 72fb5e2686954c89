import { randomUUID } from "node:crypto";
import mongoose, { type Types } from "mongoose";
import { OrganisationModel } from "#models/organisation";
import { ProposalModel, type Proposal } from "#models/proposal";
import { ReadMarkerModel } from "#models/read-marker";
import { UserModel } from "#models/user";
import { setById } from "../kernel/claims.server";
import { clockNow } from "../kernel/clock";

// Read models for the list pages (inbox, "my proposals", reminders). FerretDB 1.x reads and
// decodes a whole collection for every query that is not an `_id` lookup, so each instance
// keeps the lists in memory and re-reads them only when their marker has changed: a list page
// then costs one `_id` lookup whatever the number of cases (docs/decisions/009). On MongoDB the
// same code runs; the indexes declared on the models serve the rebuilds.

export interface CaseRow {
  _id: Types.ObjectId;
  publicBodyId: Types.ObjectId;
  organisationId: Types.ObjectId;
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
  summary?: string;
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
  "publicBodyId organisationId title kind status caseNumber receivedAt lastActivityAt updatedAt areas routing contactEmail pendingInvitations partnerOrganisationIds orgActivity decision.outcome decision.contributionPerYearSek decision.decisionDate decision.protocolRef decision.decidedBy summary periodStart periodEnd " +
  "agreement.number agreement.start agreement.end agreement.municipalSekPerYear agreement.partners.name agreement.partners.orgNumber agreement.plan " +
  "agreement.payments.amountSek agreement.payments.paidOn agreement.reports.year agreement.reports.status agreement.reports.submittedAt " +
  ["agreement.signing", "agreement.amendment.signing"]
    .map((s) => `${s}.sentAt ${s}.signers.userId ${s}.signatures.userId`)
    .join(" ") +
  " agreement.amendment.number";

type Cached<T> = { key: string; value: T };
const caches = new Map<string, Cached<unknown>>();

/** Marks a read model's source as changed: every instance re-reads it on its next use. */
export async function touch(name: "cases" | "directory") {
  await setById(ReadMarkerModel, name, { token: randomUUID(), at: clockNow() });
}

async function cached<T>(name: "cases" | "directory", load: () => Promise<T>): Promise<T> {
  const marker = await ReadMarkerModel.findById(name).lean();
  // Keyed by database too: tests run several databases in one process.
  const key = `${mongoose.connection.name}:${marker?.token ?? ""}`;
  const hit = caches.get(name) as Cached<T> | undefined;
  if (marker && hit?.key === key) return hit.value;
  const value = await load();
  if (marker) caches.set(name, { key, value });
  return value;
}

/** Every case's list fields (all public bodies; callers filter by theirs). */
export function caseRows(): Promise<CaseRow[]> {
  return cached("cases", () => ProposalModel.find().select(CASE_FIELDS).lean<CaseRow[]>());
}

export interface Directory {
  organisations: Map<string, { name: string; orgNumber: string; city: string; publicBodyId: Types.ObjectId }>;
  staff: Map<
    string,
    {
      name: string;
      email: string;
      staffMemberships: { publicBodyId: Types.ObjectId; role: string; departmentIds: Types.ObjectId[] }[];
    }
  >;
}

/** Names of organisations and staff, for lists and option lists. */
export function directory(): Promise<Directory> {
  return cached("directory", async () => {
    const [orgs, staff] = await Promise.all([
      OrganisationModel.find().select("name orgNumber city publicBodyId").lean(),
      UserModel.find({ "staffMemberships.publicBodyId": { $exists: true } })
        .select("name email staffMemberships")
        .lean(),
    ]);
    return {
      organisations: new Map(
        orgs.map((o) => [
          String(o._id),
          { name: o.name, orgNumber: o.orgNumber, city: o.city ?? "", publicBodyId: o.publicBodyId },
        ]),
      ),
      staff: new Map(
        staff.map((u) => [String(u._id), { name: u.name, email: u.email, staffMemberships: u.staffMemberships }]),
      ),
    };
  });
}

/**
 * The version of what the lists are made of: a tag that changes whenever a case or a name does,
 * and when that was. One `_id` lookup each; what open data answers `ETag`/`Last-Modified` with.
 */
export async function readModelVersion() {
  const [cases, names] = await Promise.all([
    ReadMarkerModel.findById("cases").lean(),
    ReadMarkerModel.findById("directory").lean(),
  ]);
  const times = [cases?.at, names?.at].filter((d): d is Date => Boolean(d)).map((d) => d.getTime());
  return {
    tag: `${cases?.token ?? "0"}.${names?.token ?? "0"}`,
    at: new Date(times.length ? Math.max(...times) : 0),
  };
}
