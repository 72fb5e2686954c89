import type { Types } from "mongoose";
import { DepartmentModel } from "#models/department";
import { OrganisationModel, type LegalForm } from "#models/organisation";
import { PublicBodyModel } from "#models/public-body";
import { UserModel, type OrgRole, type StaffRole } from "#models/user";
import { hashPassword } from "./crypto.server";

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

export async function upsertPublicBody(slug = "exempelkommun", name = "Exempelkommun") {
  const existing = await PublicBodyModel.findOne({ slug }).lean();
  if (existing) return existing;
  const body = await PublicBodyModel.create({
    slug,
    name,
    casePrefix: "KS",
    officeName: "Civilsamhällskontoret",
    officeEmail: `civilsamhalle@${slug}.se`,
    officePhone: "010-123 45 00",
    officeAddress: "Stadshuset, Storgatan 1, 123 45 Exempelstad",
  });
  return body.toObject();
}

export async function upsertDepartments(publicBodyId: Types.ObjectId) {
  for (const d of DEPARTMENTS) {
    if (!(await DepartmentModel.exists({ publicBodyId, slug: d.slug })))
      await DepartmentModel.create({ publicBodyId, ...d });
  }
  return DepartmentModel.find({ publicBodyId }).lean();
}

export async function upsertUser(input: {
  email: string;
  name: string;
  password?: string;
  verified?: boolean;
  staff?: { publicBodyId: Types.ObjectId; role: StaffRole; departmentIds?: Types.ObjectId[] };
}) {
  const existing = await UserModel.findOne({ email: input.email }).lean();
  if (existing) return existing;
  const user = await UserModel.create({
    email: input.email,
    name: input.name,
    passwordHash: input.password ? await hashPassword(input.password) : undefined,
    passwordChangedAt: input.password ? new Date() : undefined,
    emailVerifiedAt: input.verified === false ? undefined : new Date(),
    staffMemberships: input.staff ? [{ departmentIds: [], ...input.staff }] : [],
  });
  return user.toObject();
}

export async function upsertOrganisation(input: {
  publicBodyId: Types.ObjectId;
  name: string;
  orgNumber: string;
  legalForm?: LegalForm;
  purpose?: string;
  city?: string;
  email?: string;
  createdBy: Types.ObjectId;
  members?: { userId: Types.ObjectId; role: OrgRole }[];
}) {
  const org =
    (await OrganisationModel.findOne({ publicBodyId: input.publicBodyId, orgNumber: input.orgNumber }).lean()) ??
    (
      await OrganisationModel.create({
        publicBodyId: input.publicBodyId,
        name: input.name,
        orgNumber: input.orgNumber,
        legalForm: input.legalForm ?? "non_profit_association",
        purpose: input.purpose ?? "Att främja gemenskap och delaktighet för invånarna.",
        city: input.city ?? "Exempelstad",
        email: input.email ?? "info@example.org",
        createdBy: input.createdBy,
      })
    ).toObject();
  for (const m of input.members ?? []) {
    await UserModel.updateOne(
      { _id: m.userId, "orgMemberships.organisationId": { $ne: org._id } },
      { $push: { orgMemberships: { organisationId: org._id, publicBodyId: input.publicBodyId, role: m.role } } },
    );
  }
  return org;
}
