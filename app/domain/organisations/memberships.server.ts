import type { Types } from "mongoose";
import { TokenModel } from "#models/token";
import { UserModel, type OrgRole } from "#models/user";
import { clockNow } from "../kernel/clock";
import { cachedUntilTouched, touch } from "../kernel/read-markers.server";

// Who belongs to an organisation and who is invited to it, without a query per page view
// (docs/decisions/009): FerretDB 1.x decodes the whole users or tokens collection for any query
// that is not a single `_id` lookup, so each instance keeps the members and open invitations of
// every organisation, re-read only when a membership or an invitation changes (an account's name
// and email never change after it is created).

export interface Member {
  id: Types.ObjectId;
  name: string;
  email: string;
  organisationId: Types.ObjectId;
  role: OrgRole;
  signatory: boolean;
}

type Users = { _id: Types.ObjectId; name: string; email: string; orgMemberships: OrgMembershipFields[] }[];
type OrgMembershipFields = { organisationId: Types.ObjectId; role: OrgRole; signatory?: boolean };

const byOrganisation = <T extends { organisationId: Types.ObjectId }>(rows: T[]) => {
  const index = new Map<string, T[]>();
  for (const r of rows) index.set(String(r.organisationId), [...(index.get(String(r.organisationId)) ?? []), r]);
  return index;
};

const membersIn = (users: Users): Member[] =>
  users.flatMap((u) =>
    u.orgMemberships.map((m) => ({
      id: u._id,
      name: u.name,
      email: u.email,
      organisationId: m.organisationId,
      role: m.role,
      signatory: Boolean(m.signatory),
    })),
  );

const USER_FIELDS = "name email orgMemberships";

function memberIndex() {
  return cachedUntilTouched("memberships", async () =>
    byOrganisation(
      membersIn(
        await UserModel.find({ "orgMemberships.0": { $exists: true } })
          .select(USER_FIELDS)
          .lean<Users>(),
      ),
    ),
  );
}

function invitationIndex() {
  return cachedUntilTouched("invitations", async () => {
    const tokens = await TokenModel.find({ kind: "org_invitation", usedAt: { $exists: false } })
      .select("email role expiresAt organisationId createdAt")
      .lean();
    return byOrganisation(
      tokens.flatMap((t) => (t.organisationId ? [{ ...t, organisationId: t.organisationId }] : [])),
    );
  });
}

/** After a membership was added, changed or removed: every instance re-reads the members. */
export const membershipsChanged = () => touch("memberships");
/** After an invitation was sent or used. */
export const invitationsChanged = () => touch("invitations");

/** The organisation's members, by name. */
export async function membersOf(organisationId: Types.ObjectId) {
  return [...((await memberIndex()).get(String(organisationId)) ?? [])].sort((a, b) =>
    a.name.localeCompare(b.name, "sv"),
  );
}

/**
 * The organisation's members as the database has them now: for a decision that must not rest on
 * an instance's copy (the last administrator is never removed). Reads every account on FerretDB.
 */
export async function currentMembers(organisationId: Types.ObjectId) {
  const users = await UserModel.find({ "orgMemberships.organisationId": organisationId })
    .select(USER_FIELDS)
    .lean<Users>();
  return membersIn(users).filter((m) => m.organisationId.equals(organisationId));
}

/** The organisation's invitations not yet used or expired, newest first. */
export async function pendingInvitationsOf(organisationId: Types.ObjectId) {
  const now = clockNow();
  return ((await invitationIndex()).get(String(organisationId)) ?? [])
    .filter((t) => t.expiresAt > now)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}
