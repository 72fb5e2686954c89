import { Types } from "mongoose";
import { allBodies, mailSender } from "../public-body/public-body.server";
import { touch } from "../kernel/read-markers.server";
import { OrganisationModel, type Organisation } from "#models/organisation";
import { UserModel, type OrgRole } from "#models/user";
import { enqueueEmail } from "../notifications/outbox.server";
import { findValidToken, consumeToken, issueToken } from "../identity/tokens.server";
import { link } from "../identity/accounts.server";
import { isDuplicateKey, withLock } from "../kernel/claims.server";
import { pullMatching } from "../kernel/array-pull.server";
import { hashPassword } from "../kernel/crypto.server";
import type { SessionUser } from "../identity/sessions.server";
import { subject } from "@casl/ability";
import { can, caseSubject } from "../access/ability.server";
import { caseRows, casesByOrganisation, keptForList } from "../cases/read-model.server";
import { directory } from "../directory/directory.server";
import { escapeRegex } from "../kernel/validation";
import { shownStatus } from "../lifecycle/statuses";
import type { AppAbility } from "../access/policy";
import { isRegistered, listOrgDocuments } from "../records/documents.server";
import { clockNow } from "../kernel/clock";
import {
  currentMembers,
  invitationsChanged,
  membersOf,
  membershipsChanged,
  pendingInvitationsOf,
  type Member,
} from "./memberships.server";

export type OrganisationInput = Pick<
  Organisation,
  | "name"
  | "orgNumber"
  | "legalForm"
  | "purpose"
  | "streetAddress"
  | "postalCode"
  | "city"
  | "website"
  | "email"
  | "phone"
  | "signatories"
  | "signingRule"
>;

export class DuplicateOrgNumberError extends Error {}

/**
 * Registers an organisation, once for the whole installation (decision 029), at the address of
 * the public body `registeredIn`; the registering user becomes its administrator.
 */
export async function createOrganisation(registeredIn: Types.ObjectId, user: SessionUser, input: OrganisationInput) {
  let org;
  try {
    org = await OrganisationModel.create({ ...input, registeredIn, createdBy: user._id });
  } catch (error) {
    if (isDuplicateKey(error)) throw new DuplicateOrgNumberError();
    throw error;
  }
  await UserModel.updateOne(
    { _id: user._id },
    { $push: { orgMemberships: { organisationId: org._id, role: "org_admin" } } },
  );
  await Promise.all([touch("directory"), membershipsChanged()]);
  return org;
}

export async function updateOrganisation(id: Types.ObjectId, input: OrganisationInput) {
  try {
    await OrganisationModel.updateOne({ _id: id }, { $set: input }, { runValidators: true });
  } catch (error) {
    if (isDuplicateKey(error)) throw new DuplicateOrgNumberError();
    throw error;
  }
  await touch("directory");
}

export type OrganisationDoc = Organisation & { _id: Types.ObjectId };

/**
 * The organisation as seen at one public body's address: `publicBodyIds` holds that body when
 * the organisation takes part there, else nothing (the policy's OrgSubject).
 */
export type OrganisationHere = OrganisationDoc & { publicBodyIds: string[] };

/**
 * The organisations that take part in each body (registered at its address, or a case there
 * past the draft, its own or as a co-organisation), each with its registered cases there as
 * lead organisation. Made once per case list and directory, so that a body's pages read its own
 * organisations, not the installation's (`npm run bench -- --national`).
 */
async function takingPart(publicBodyId: Types.ObjectId): Promise<ReadonlyMap<string, number>> {
  const [dir, rows] = await Promise.all([directory(), caseRows()]);
  const perDirectory = keptForList(rows, "taking-part", () => new WeakMap<object, Map<string, Map<string, number>>>());
  let byBody = perDirectory.get(dir);
  if (!byBody) {
    const made = new Map<string, Map<string, number>>();
    const entry = (body: Types.ObjectId, org: string) => {
      const orgs = made.get(String(body)) ?? new Map<string, number>();
      made.set(String(body), orgs);
      if (!orgs.has(org)) orgs.set(org, 0);
      return orgs;
    };
    for (const [id, o] of dir.organisations) entry(o.registeredIn, id);
    for (const c of rows) {
      if (c.status === "draft") continue;
      const orgs = entry(c.publicBodyId, String(c.organisationId));
      orgs.set(String(c.organisationId), orgs.get(String(c.organisationId))! + 1);
      for (const partner of c.partnerOrganisationIds ?? []) entry(c.publicBodyId, String(partner));
    }
    byBody = made;
    perDirectory.set(dir, byBody);
  }
  return byBody.get(String(publicBodyId)) ?? new Map();
}

/** Whether the organisation takes part in the body: registered at its address, or a case there. */
export async function takesPartIn(org: { _id: Types.ObjectId }, publicBodyId: Types.ObjectId) {
  return (await takingPart(publicBodyId)).has(String(org._id));
}

/** How many organisations take part in the body (the overview's figure). */
export async function organisationsTakingPart(publicBodyId: Types.ObjectId) {
  return (await takingPart(publicBodyId)).size;
}

/** An organisation (national) as seen at the address of `publicBodyId`. */
export async function findOrganisation(publicBodyId: Types.ObjectId, id: string): Promise<OrganisationHere | null> {
  if (!Types.ObjectId.isValid(id)) return null;
  // By `_id` alone (FerretDB's index, decision 020).
  const org = await OrganisationModel.findById(id).lean();
  if (!org) return null;
  return { ...org, publicBodyIds: (await takesPartIn(org, publicBodyId)) ? [String(publicBodyId)] : [] };
}

/** The policy's subject for the organisation's members and documents, as seen here. */
export const orgScope = (org: OrganisationHere) => ({ organisationId: org._id, publicBodyIds: org.publicBodyIds });

const memberView = (m: Member) => ({
  id: String(m.id),
  name: m.name,
  email: m.email,
  role: m.role,
  signatory: m.signatory,
});

/** The organisation's members by name (from the instance's copy: docs/decisions/009). */
export async function listMembers(organisationId: Types.ObjectId) {
  return (await membersOf(organisationId)).map(memberView);
}

/**
 * Names a member an authorised signatory (firmatecknare) of the organisation, or no longer:
 * only they are offered as the organisation's signers of an agreement, and only they (or an
 * administrator) give notice for it. Under the members' lock, so it never races a removal.
 */
export function setSignatory(organisationId: Types.ObjectId, userId: Types.ObjectId, signatory: boolean) {
  return withLock(`org-members:${String(organisationId)}`, async () => {
    const user = await UserModel.findById(userId).select("orgMemberships").lean();
    const memberships = user?.orgMemberships ?? [];
    if (!memberships.some((m) => m.organisationId.equals(organisationId))) return false;
    const changed = memberships.map((m) => (m.organisationId.equals(organisationId) ? { ...m, signatory } : m));
    await UserModel.updateOne({ _id: userId }, { $set: { orgMemberships: changed } });
    await membershipsChanged();
    return true;
  });
}

export const listPendingInvitations = pendingInvitationsOf;

export async function inviteMember(
  org: { _id: Types.ObjectId; name: string },
  /** The body at whose address the invitation is sent: its name and links are in the mail. */
  publicBodyId: Types.ObjectId,
  inviter: SessionUser,
  email: string,
  role: OrgRole,
) {
  const token = await issueToken({
    kind: "org_invitation",
    email,
    organisationId: org._id,
    publicBodyId,
    role,
    invitedBy: inviter._id,
  });
  await invitationsChanged();
  const locale = inviter.locale;
  await enqueueEmail(
    `org-invite:${token.slice(0, 16)}`,
    email,
    {
      template: "orgInvite",
      locale,
      inviter: inviter.name,
      organisation: org.name,
      role:
        role === "org_admin"
          ? locale === "sv"
            ? "administratör"
            : "administrator"
          : locale === "sv"
            ? "medlem"
            : "member",
      publicBody: (await allBodies()).find((b) => b._id.equals(publicBodyId))?.name ?? "",
      url: await link("/inbjudan", token),
      sender: await mailSender(publicBodyId),
    },
    publicBodyId,
  );
}

/** What an invitation link points to, without using it. */
export async function describeInvitation(token: string) {
  const org = await findValidToken(token, "org_invitation");
  if (org) return org;
  return findValidToken(token, "staff_invitation");
}

export async function addMembership(userId: Types.ObjectId, organisationId: Types.ObjectId, role: OrgRole) {
  // Guarded so that accepting twice never adds a second membership.
  await UserModel.updateOne(
    { _id: userId, "orgMemberships.organisationId": { $ne: organisationId } },
    { $push: { orgMemberships: { organisationId, role } } },
  );
  await membershipsChanged();
}

/** Accepts an organisation invitation for a signed-in user whose email matches. */
export async function acceptOrgInvitation(token: string, user: { _id: Types.ObjectId; email: string }) {
  const pending = await findValidToken(token, "org_invitation");
  if (!pending || pending.email !== user.email) return null;
  const used = await consumeToken(token, "org_invitation");
  if (used) await invitationsChanged();
  if (!used?.organisationId) return null;
  await addMembership(user._id, used.organisationId, used.role === "org_admin" ? "org_admin" : "org_member");
  await UserModel.updateOne(
    { _id: user._id, emailVerifiedAt: { $exists: false } },
    { $set: { emailVerifiedAt: clockNow() } },
  );
  return used.organisationId;
}

export type RemoveResult = "removed" | "lastAdmin" | "notMember";

/**
 * Removes a membership unless it is the organisation's last administrator, so that an
 * organisation is never left without someone who can manage it.
 */
export function removeMembership(organisationId: Types.ObjectId, userId: Types.ObjectId): Promise<RemoveResult> {
  // Two administrators removing each other at once must not both pass the check.
  return withLock(`org-members:${String(organisationId)}`, async () => {
    const members = (await currentMembers(organisationId)).map(memberView);
    const target = members.find((m) => m.id === String(userId));
    if (!target) return "notMember";
    const admins = members.filter((m) => m.role === "org_admin");
    if (target.role === "org_admin" && admins.length <= 1) return "lastAdmin";
    await pullMatching(UserModel, userId, "orgMemberships", (m) =>
      organisationId.equals(m.organisationId as Types.ObjectId),
    );
    await membershipsChanged();
    return "removed";
  });
}

/** Accepts an invitation by creating the account it was sent to (the link proves the email). */
export async function acceptOrgInvitationAsNewUser(token: string, name: string, password: string, locale: "sv" | "en") {
  const pending = await findValidToken(token, "org_invitation");
  if (!pending) return { error: "invalid" as const };
  if (await UserModel.exists({ email: pending.email })) return { error: "exists" as const };
  const used = await consumeToken(token, "org_invitation");
  if (used) await invitationsChanged();
  if (!used?.organisationId) return { error: "invalid" as const };
  const user = await UserModel.create({
    email: used.email,
    name,
    passwordHash: await hashPassword(password),
    passwordChangedAt: clockNow(),
    emailVerifiedAt: clockNow(),
    locale,
    orgMemberships: [
      { organisationId: used.organisationId, role: used.role === "org_admin" ? "org_admin" : "org_member" },
    ],
  });
  await membershipsChanged();
  return { userId: user._id, organisationId: used.organisationId };
}

/**
 * The person's own organisations (national: the same wherever they sign in), by name, from the
 * directory: each an organisation they are a member of.
 */
export async function listOwnOrganisations(user: Pick<SessionUser, "orgMemberships">) {
  const { organisations } = await directory();
  return user.orgMemberships
    .flatMap((m) => {
      const o = organisations.get(String(m.organisationId));
      return o ? [{ _id: m.organisationId, name: o.name, orgNumber: o.orgNumber, city: o.city, role: m.role }] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
}

/** What an invitation page shows: the organisation's name and whether the invitee has an account. */
export async function invitationFacts(organisationId: Types.ObjectId | undefined, email: string) {
  const [org, hasAccount] = await Promise.all([
    organisationId ? OrganisationModel.findById(organisationId).select("name").lean() : null,
    UserModel.exists({ email }),
  ]);
  return { organisation: org?.name ?? "", hasAccount: Boolean(hasAccount) };
}

/**
 * What the organisation page shows this person at the address of `publicBodyId`: the facts, and
 * members and documents if they may see them. Its members see all its documents; the body's
 * staff its own ones (statutes …, shared by every body) and those of cases in their body.
 */
export async function organisationPage(
  org: OrganisationHere,
  ability: AppAbility,
  viewer: { staff: boolean; member: boolean; publicBodyId: Types.ObjectId },
) {
  const scope = orgScope(org);
  const [members, invitations, documents, cases] = await Promise.all([
    can(ability, "read", "Member", scope) ? listMembers(org._id) : null,
    can(ability, "invite", "Member", scope) ? listPendingInvitations(org._id) : null,
    can(ability, "read", "OrgDocument", scope)
      ? listOrgDocuments({ organisationId: org._id, seenFrom: viewer.member ? null : viewer.publicBodyId })
      : null,
    // Staff find an organisation's cases in their body from its page in the register.
    viewer.staff ? casesOfOrganisation(org, viewer.publicBodyId, ability) : null,
  ]);
  return {
    cases,
    organisation: {
      id: String(org._id),
      publicBodyIds: org.publicBodyIds,
      name: org.name,
      orgNumber: org.orgNumber,
      legalForm: org.legalForm,
      purpose: org.purpose,
      streetAddress: org.streetAddress,
      postalCode: org.postalCode,
      city: org.city,
      website: org.website,
      email: org.email,
      phone: org.phone,
      signatories: (org.signatories ?? []).map((s) => ({ name: s.name, role: s.role })),
      signingRule: org.signingRule ?? "alone",
    },
    members,
    invitations:
      invitations?.map((i) => ({
        email: i.email,
        role: i.role ?? "org_member",
        expiresAt: i.expiresAt.toISOString(),
      })) ?? null,
    documents:
      documents?.map((d) => ({
        id: String(d._id),
        title: d.title,
        kind: d.kind,
        filename: d.filename,
        size: d.size,
        createdAt: d.createdAt.toISOString(),
        // A registered document (a signed agreement, a file sent in a case) never leaves by a button.
        registered: isRegistered(d),
      })) ?? null,
  };
}

export type OrganisationPageData = Awaited<ReturnType<typeof organisationPage>>;

const REGISTER_PAGE = 25;

/**
 * The organisation register for staff: search by name or organisationsnummer (with or without
 * the hyphen), by name, paged; with each organisation's number of registered cases. Read from
 * the in-memory directory and case list (docs/decisions/009).
 */
export async function organisationRegister(publicBodyId: Types.ObjectId, query: { q: string; page: number }) {
  const [names, here] = await Promise.all([directory(), takingPart(publicBodyId)]);
  const digits = query.q.replace(/\D/g, "");
  const pattern = query.q ? new RegExp(escapeRegex(query.q.trim()), "i") : null;
  // The organisations that take part in this body (registered at its address, or a case here).
  const matching = [...here]
    .flatMap(([id, cases]) => {
      const o = names.organisations.get(id);
      return o ? [{ id, name: o.name, orgNumber: o.orgNumber, city: o.city, cases }] : [];
    })
    .filter(
      (o) =>
        !pattern || pattern.test(o.name) || (digits.length >= 4 && o.orgNumber.replace(/\D/g, "").includes(digits)),
    )
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
  const pages = Math.max(1, Math.ceil(matching.length / REGISTER_PAGE));
  const page = Math.min(query.page, pages);
  return {
    organisations: matching.slice((page - 1) * REGISTER_PAGE, page * REGISTER_PAGE),
    total: matching.length,
    page,
    pages,
  };
}

/** An organisation's registered cases in one body, for its staff who may read them (its page in the register). */
export async function casesOfOrganisation(org: OrganisationDoc, publicBodyId: Types.ObjectId, ability: AppAbility) {
  const { lead } = await casesByOrganisation();
  return (lead.get(String(org._id)) ?? [])
    .filter(
      (c) =>
        c.publicBodyId.equals(publicBodyId) &&
        c.status !== "draft" &&
        ability.can("read", subject("Case", caseSubject(c))),
    )
    .sort((a, b) => (b.receivedAt?.getTime() ?? 0) - (a.receivedAt?.getTime() ?? 0))
    .map((c) => ({ id: String(c._id), title: c.title, status: shownStatus(c), caseNumber: c.caseNumber ?? "" }));
}
