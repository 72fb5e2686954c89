import type { Types } from "mongoose";
import { CASE_STATUSES, type CaseStatus, type CountyCode } from "#models/constants";
import { touch } from "../kernel/read-markers.server";
import { DepartmentModel } from "#models/department";
import { OrganisationModel, type LegalForm } from "#models/organisation";
import { PublicBodyModel } from "#models/public-body";
import { UserModel, type OrgRole, type StaffRole } from "#models/user";
import { hashPassword } from "../kernel/crypto.server";
import type { SessionUser } from "../identity/sessions.server";
import { clockNow } from "../kernel/clock";
import { setSignatory } from "../organisations/organisations.server";
import { membershipsChanged } from "../organisations/memberships.server";

// Upserting builders used by the demo seed and by the tests, so both describe data the same
// way. Each is idempotent on its natural key.

export const DEMO_PASSWORD = "samverka-demo-2026";

export const DEPARTMENTS = [
  { slug: "social", name: "Socialförvaltningen", areas: ["social", "integration", "barn-och-unga"] },
  { slug: "kultur-fritid", name: "Kultur- och fritidsförvaltningen", areas: ["kultur", "idrott", "fritid"] },
  { slug: "utbildning", name: "Utbildningsförvaltningen", areas: ["utbildning", "laxhjalp"] },
  { slug: "vard-omsorg", name: "Vård- och omsorgsförvaltningen", areas: ["aldre", "funktionsstod", "halsa"] },
];

// Find-or-create (not upserts): `create` applies the schema defaults, which FerretDB's
// upsert path does not always store.

export async function upsertPublicBody(
  slug = "exempelkommun",
  name = "Exempelkommun",
  details: { officePhone?: string; officeAddress?: string; orgNumber?: string; countyCode?: CountyCode } = {},
) {
  const existing = await PublicBodyModel.findOne({ slug }).lean();
  // A database seeded before counties: the demo's bodies get theirs.
  if (existing && !existing.countyCode) {
    await PublicBodyModel.updateOne({ _id: existing._id }, { $set: { countyCode: details.countyCode ?? "01" } });
    await touch("settings");
    return { ...existing, countyCode: details.countyCode ?? "01" };
  }
  if (existing) return existing;
  const body = await PublicBodyModel.create({
    slug,
    name,
    casePrefix: "KS",
    officeName: "Civilsamhällskontoret",
    officeEmail: `civilsamhalle@${slug}.se`,
    officePhone: details.officePhone ?? "010-123 45 00",
    officeAddress: details.officeAddress ?? "Stadshuset, Storgatan 1, 123 45 Exempelstad",
    orgNumber: details.orgNumber ?? "212000-0001",
    countyCode: details.countyCode ?? "01",
  });
  await touch("settings");
  return body.toObject();
}

export async function upsertDepartments(publicBodyId: Types.ObjectId, departments = DEPARTMENTS) {
  for (const d of departments) {
    if (!(await DepartmentModel.exists({ publicBodyId, slug: d.slug })))
      await DepartmentModel.create({ publicBodyId, ...d });
  }
  await touch("directory");
  return DepartmentModel.find({ publicBodyId }).lean();
}

export async function upsertUser(input: {
  email: string;
  name: string;
  password?: string;
  verified?: boolean;
  staff?: { publicBodyId: Types.ObjectId; role: StaffRole; departmentIds?: Types.ObjectId[]; delegation?: boolean };
}) {
  const existing = await UserModel.findOne({ email: input.email }).lean();
  if (existing) {
    // A database seeded before delegation existed: the demo's signing officers get it now.
    const body = input.staff?.publicBodyId;
    if (input.staff?.delegation && body) {
      const memberships = existing.staffMemberships.map((m) =>
        m.publicBodyId.equals(body) ? { ...m, delegation: true } : m,
      );
      await UserModel.updateOne({ _id: existing._id }, { $set: { staffMemberships: memberships } });
    }
    return existing;
  }
  const user = await UserModel.create({
    email: input.email,
    name: input.name,
    passwordHash: input.password ? await hashPassword(input.password) : undefined,
    passwordChangedAt: input.password ? clockNow() : undefined,
    emailVerifiedAt: input.verified === false ? undefined : clockNow(),
    staffMemberships: input.staff ? [{ departmentIds: [], ...input.staff }] : [],
  });
  if (input.staff) await touch("directory");
  return user.toObject();
}

export async function upsertOrganisation(input: {
  /** Where it is registered (it is one record nationally, found by its number). */
  registeredIn: Types.ObjectId;
  name: string;
  orgNumber: string;
  legalForm?: LegalForm;
  purpose?: string;
  city?: string;
  email?: string;
  createdBy: Types.ObjectId;
  members?: { userId: Types.ObjectId; role: OrgRole; signatory?: boolean }[];
}) {
  const org =
    (await OrganisationModel.findOne({ orgNumber: input.orgNumber }).lean()) ??
    (
      await OrganisationModel.create({
        registeredIn: input.registeredIn,
        name: input.name,
        orgNumber: input.orgNumber,
        legalForm: input.legalForm ?? "non_profit_association",
        purpose: input.purpose ?? "Att främja gemenskap och delaktighet för invånarna.",
        city: input.city ?? "Exempelstad",
        email: input.email ?? "info@example.org",
        createdBy: input.createdBy,
      })
    ).toObject();
  await touch("directory");
  for (const m of input.members ?? []) {
    await UserModel.updateOne(
      { _id: m.userId, "orgMemberships.organisationId": { $ne: org._id } },
      {
        $push: {
          orgMemberships: {
            organisationId: org._id,
            role: m.role,
            ...(m.signatory ? { signatory: true } : {}),
          },
        },
      },
    );
    // A database seeded before signatories were registered: the demo's signers are marked now.
    if (m.signatory) await setSignatory(org._id, m.userId, true);
  }
  await membershipsChanged();
  return org;
}

/** Statuses a seeded case can be driven to through the use cases. */
// The agreement's statuses are reached through the agreement's own use cases (agreements/).
const NOT_SEEDED = ["closed", "agreement_pending_signatures", "active", "ended"] as const;
export const SEEDABLE_STATUSES = CASE_STATUSES.filter(
  (s): s is Exclude<CaseStatus, (typeof NOT_SEEDED)[number]> => !(NOT_SEEDED as readonly string[]).includes(s),
);
export type SeedableStatus = Exclude<CaseStatus, "closed">;

export interface CaseCast {
  /** The public body the case is made in (organisations are national: decision 029). */
  publicBodyId: Types.ObjectId;
  organisation: { _id: Types.ObjectId };
  member: SessionUser;
  coordinator: SessionUser;
  officer: SessionUser;
  departmentId: Types.ObjectId;
}

/**
 * A case driven to `status` through the same use cases people use (events, numbers, document
 * list, messages and emails all as in real life). For tests, the demo and the benchmark.
 */
export async function caseInStatus(status: SeedableStatus, cast: CaseCast, title: string) {
  const { createCase, saveDraft, submitCase, routeCase, withdrawCase } = await import("../cases/proposals.server");
  const { postMessage, requestCompletion, convertToProposal } = await import("../cases/dialogue.server");
  const { declareConflict, startAssessment, saveAssessment, decide } = await import("../cases/decision.server");
  const { ALL_CHECKS } = await import("../cases/assessment");
  const kind = status === "preparing_proposal" ? "idea" : "proposal";
  let c = await createCase(cast.publicBodyId, cast.organisation._id, cast.member, { kind, title });
  c = await saveDraft(c, cast.member, kind === "idea" ? IDEA : PROPOSAL, c.version);
  if (status === "draft") return c;
  const submitted = await submitCase(c, cast.member, c.version);
  if (!submitted.ok) throw new Error(`seed case incomplete: ${submitted.missing.join(", ")}`);
  c = submitted.case;
  if (status === "submitted") return c;
  if (status === "withdrawn") {
    const withdrawn = await withdrawCase(c, cast.member, c.version);
    if (!withdrawn) throw new Error("a registered case is withdrawn, not deleted");
    return withdrawn;
  }
  c = await routeCase(c, cast.coordinator, {
    departmentId: String(cast.departmentId),
    officerId: String(cast.officer._id),
    coReaderDepartmentIds: [],
    expectedVersion: c.version,
  });
  await postMessage(c, cast.officer, "officer", {
    body: "Välkomna! Berätta gärna mer om verksamheten.",
    internal: false,
  });
  c = (await reload(c)) ?? c;
  if (status === "in_dialogue") return c;
  if (status === "awaiting_completion")
    return requestCompletion(c, cast.officer, "Hur många deltagare räknar ni med?", c.version);
  if (status === "preparing_proposal") return convertToProposal(c, cast.member, c.version);
  c = await declareConflict(c, cast.officer, "officer", false);
  c = await startAssessment(c, cast.officer, c.version);
  if (status === "in_assessment") return c;
  const checks = Object.fromEntries(ALL_CHECKS.map((k) => [k, { answer: "yes" as const, comment: "Uppfyllt." }]));
  c = await saveAssessment(
    c,
    cast.officer,
    "officer",
    {
      checks,
      stateAidBasis: "deMinimis",
      otherDeMinimisSek: 0,
      requestedSek: 450_000,
      recommendation: "approve",
      recommendationText: "Tillstyrks.",
    },
    c.version,
  );
  return decide(
    c,
    cast.officer,
    {
      outcome: status === "approved" ? "approved" : "declined",
      decidedBy: "delegation",
      decisionMakerName: cast.officer.name,
      delegationRef: "Delegationsordning 4.2",
      decisionDate: clockNow(),
      protocolRef: "§ 12",
      justification: "Verksamheten ligger i linje med kommunens mål.",
      contributionPerYearSek: status === "approved" ? 150_000 : 0,
      decisionMakerHasNoConflict: true,
    },
    c.version,
  );
}

async function reload(c: { _id: Types.ObjectId; publicBodyId: Types.ObjectId }) {
  const { loadCaseById } = await import("../cases/engine.server");
  return loadCaseById(c.publicBodyId, c._id);
}

const IDEA = {
  summary: "Läxhjälp för barn i årskurs 4–6, två kvällar i veckan.",
  areas: ["laxhjalp"],
  contactName: "Kontaktperson",
  contactEmail: "kontakt@forening.example",
};

const PROPOSAL = {
  ...IDEA,
  need: "Många barn saknar stöd med läxor hemma.",
  targetGroup: "Barn i årskurs 4–6.",
  activities: "Läxhjälp tisdagar och torsdagar på biblioteket.",
  periodStart: new Date("2027-01-15T00:00:00Z"),
  periodEnd: new Date("2028-12-31T00:00:00Z"),
  generalInterest: "Öppen och kostnadsfri för alla barn i stadsdelen.",
  addedValue: "Volontärer som förebilder och ett nätverk av föräldrar.",
  ownContributionDescription: "Volontärtid, samordning och material.",
  ownContributionSek: 40_000,
  volunteerHoursPerYear: 1200,
  requestedSekPerYear: 150_000,
  goals: [{ goal: "30 barn får läxhjälp varje vecka", indicator: "antal deltagare per termin" }],
};

/**
 * An approved case whose agreement is out for signing (the organisation's member and the
 * officer sign) or, with `signed`, signed by both and active. Signing needs the demo password.
 */
export async function agreementInStatus(cast: CaseCast, title: string, signed: boolean) {
  const agreements = await import("../agreements/agreements.server");
  const { loadCaseById } = await import("../cases/engine.server");
  let c = await caseInStatus("approved", cast, title);
  c = await agreements.createAgreementDraft(c, cast.officer, c.version);
  c = await agreements.sendForSigning(
    c,
    cast.officer,
    { organisationSignerIds: [String(cast.member._id)], delegateId: String(cast.officer._id) },
    c.version,
  );
  if (!signed) return c;
  for (const signer of [cast.member, cast.officer]) {
    const current = (await loadCaseById(c.publicBodyId, c._id)) ?? c;
    const seen = agreements.seenVersionOf(current);
    if (!seen) break;
    c = await agreements.signAgreement(current, signer, { password: DEMO_PASSWORD, ip: "127.0.0.1" }, seen);
  }
  return c;
}
