import { membershipsChanged } from "~/domain/organisations/memberships.server";
import { DepartmentModel } from "#models/department";
import { OrganisationModel } from "#models/organisation";
import { UserModel } from "#models/user";
import { upsertOrganisation, upsertUser, type CaseCast } from "~/domain/demo/factories.server";
import { seedNeighbour } from "~/domain/demo/seed.server";
import { withCheckDigit } from "~/domain/kernel/org-number";
import type { SessionUser } from "~/http/session.server";
import { DEMO } from "./http";

const person = async (email: string) => {
  const u = await UserModel.findOne({ email }).lean();
  if (!u) throw new Error(`no user ${email}`);
  return u as unknown as SessionUser;
};

/**
 * The people a factory-made case needs: the test app's organisation "Läxhjälpen" (Lina), the
 * office (Sara) and the officer of the social services department (Hans).
 */
export async function laxhjalpenCast(): Promise<CaseCast> {
  const [member, coordinator, officer] = await Promise.all([
    person(DEMO.orgAdminB),
    person(DEMO.coordinator),
    person(DEMO.officer),
  ]);
  const organisation = await OrganisationModel.findOne({ orgNumber: "802500-6266" }).lean();
  const publicBodyId = coordinator.staffMemberships[0]?.publicBodyId;
  const department = await DepartmentModel.findOne({ publicBodyId, slug: "social" }).lean();
  if (!organisation || !department || !publicBodyId) throw new Error("test cast missing");
  return { publicBodyId, organisation, member, coordinator, officer, departmentId: department._id };
}

/**
 * Makes an account a plain member of an organisation (once, however often it is called), or
 * with `signatory` one of its registered authorised signatories.
 */
export async function joinOrganisation(
  userId: SessionUser["_id"],
  organisation: { _id: SessionUser["_id"] },
  { signatory = false } = {},
) {
  await UserModel.updateOne(
    { _id: userId, "orgMemberships.organisationId": { $ne: organisation._id } },
    {
      $push: {
        orgMemberships: {
          organisationId: organisation._id,
          role: "org_member",
          ...(signatory ? { signatory: true } : {}),
        },
      },
    },
  );
  await membershipsChanged();
}

/** Links an e-ID to an account as `/konto` would have (the test's provider as issuer). */
export async function linkEidTo(userId: SessionUser["_id"], issuer: string, subject: string, label: string) {
  const { linkIdentity } = await import("~/domain/identity/linked-identities.server");
  await linkIdentity(userId, {
    providerId: "",
    issuer,
    subject,
    label,
    name: "",
    emailVerified: false,
    groups: [],
    authTime: new Date(),
  });
}

/** Grannby's cast: an organisation there with its own administrator, Grannby's staff. */
export async function grannbyCast(): Promise<CaseCast> {
  const body = await seedNeighbour();
  const [coordinator, officer] = await Promise.all(
    ["samordnare@grannby.example", "handlaggare@grannby.example"].map((email) => UserModel.findOne({ email }).lean()),
  );
  const department = await DepartmentModel.findOne({ publicBodyId: body._id, slug: "social" }).lean();
  const chair = await upsertUser({
    email: "ordf@odlarna.example",
    name: "Ordförande Odlarna",
    password: "ett långt lösenord",
  });
  const organisation = await upsertOrganisation({
    registeredIn: body._id,
    name: "Odlarna i Grannby",
    orgNumber: withCheckDigit("802477123"),
    purpose: "Odling",
    email: "info@odlarna.example",
    createdBy: chair._id,
    members: [{ userId: chair._id, role: "org_admin", signatory: true }],
  });
  const member = await UserModel.findById(chair._id).lean();
  if (!coordinator || !officer || !department || !organisation || !member) throw new Error("Grannby cast missing");
  return { publicBodyId: body._id, organisation, member, coordinator, officer, departmentId: department._id };
}

/**
 * Föreningen Gröna Gården (Anna), registered at Exempelkommun, as the lead organisation of a
 * case in `body`'s hands: organisations are national (decision 029), so the same record and the
 * same member propose to Grannby too. The body's coordinator and its social services officer.
 */
export async function gronaGardenCast(body: "exempelkommun" | "grannby"): Promise<CaseCast> {
  const publicBodyId =
    body === "grannby"
      ? (await seedNeighbour())._id
      : (await person(DEMO.coordinator)).staffMemberships[0]!.publicBodyId;
  const staff =
    body === "grannby"
      ? ["samordnare@grannby.example", "handlaggare@grannby.example"]
      : [DEMO.coordinator, DEMO.officer];
  const [member, coordinator, officer] = await Promise.all([DEMO.orgAdminA, ...staff].map(person));
  const organisation = await OrganisationModel.findOne({ orgNumber: "802400-1375" }).lean();
  const department = await DepartmentModel.findOne({ publicBodyId, slug: "social" }).lean();
  if (!organisation || !department || !member || !coordinator || !officer) throw new Error("Gröna Gården cast missing");
  return { publicBodyId, organisation, member, coordinator, officer, departmentId: department._id };
}
