import {
  AbilityBuilder,
  createMongoAbility,
  type ForcedSubject,
  type MongoAbility,
  type RawRuleOf,
} from "@casl/ability";
import { EDITABLE_STATUSES } from "../cases/lifecycle";

// The one definition of who may do what (docs/domain.md, "Roles and who sees what"). Used on the
// server (checks and `accessibleBy` queries) and in the browser (@casl/react), so it works
// on plain objects with string ids and imports nothing server-only.

export type Action = "read" | "create" | "update" | "delete" | "invite" | "leave" | "manage" | "route" | "handle";
export type SubjectType = "Organisation" | "Member" | "OrgDocument" | "Staff" | "Department" | "Case" | "DevTools";

export interface OrgSubject {
  _id: string;
  publicBodyId: string;
}
/** A membership of a user in an organisation (or the member list of an organisation). */
export interface MemberSubject {
  organisationId: string;
  publicBodyId: string;
  userId?: string;
}
export interface OrgDocumentSubject {
  organisationId: string;
  publicBodyId: string;
}
export interface StaffSubject {
  publicBodyId: string;
}
/** A case (IOP idea or proposal), with string ids. */
export interface CaseSubject {
  publicBodyId: string;
  organisationId: string;
  status: string;
  routing?: { departmentId: string; officerId: string; coReaderDepartmentIds?: string[] };
}

type Tagged<T extends SubjectType, F> = F & ForcedSubject<T>;
type Subjects =
  | SubjectType
  | "all"
  | Tagged<"Organisation", OrgSubject>
  | Tagged<"Member", MemberSubject>
  | Tagged<"OrgDocument", OrgDocumentSubject>
  | Tagged<"Staff", StaffSubject>
  | Tagged<"Department", StaffSubject>
  | Tagged<"Case", CaseSubject>
  | Tagged<"DevTools", StaffSubject>;
export type AppAbility = MongoAbility<[Action, Subjects]>;
export type AppRule = RawRuleOf<AppAbility>;

export interface AbilityUser {
  id: string;
  orgMemberships: { organisationId: string; publicBodyId: string; role: string }[];
  staffMemberships: { publicBodyId: string; role: string; departmentIds: string[] }[];
}

export function defineRulesFor(user: AbilityUser | null): AppRule[] {
  const { can, cannot, rules } = new AbilityBuilder<AppAbility>(createMongoAbility);
  if (!user) return rules;

  // Any signed-in person may register an organisation (verified email is checked separately).
  can("create", "Organisation");

  for (const m of user.orgMemberships) {
    const org = { organisationId: m.organisationId };
    can("read", "Organisation", { _id: m.organisationId });
    can("read", "Member", org);
    can("leave", "Member", { ...org, userId: user.id });
    can("read", "OrgDocument", org);
    can("create", "OrgDocument", org);
    if (m.role === "org_admin") {
      can("update", "Organisation", { _id: m.organisationId });
      can("invite", "Member", org);
      can("delete", "Member", org);
      can("delete", "OrgDocument", org);
    }
    // Cases: the organisation's own, drafts included; only texts being written can be edited.
    can("read", "Case", org);
    can("create", "Case", org);
    can("update", "Case", { ...org, status: { $in: [...EDITABLE_STATUSES] } });
  }

  for (const m of user.staffMemberships) {
    const body = { publicBodyId: m.publicBodyId };
    // All staff see organisations' registration facts (public information).
    can("read", "Organisation", body);
    can("read", "Department", body);
    if (m.role === "coordinator" || m.role === "admin") {
      can("read", "Member", body);
      can("read", "OrgDocument", body);
      // The office sees every case of its public body once it has been submitted.
      can("read", "Case", { ...body, status: { $ne: "draft" } });
      can("route", "Case", { ...body, status: { $ne: "draft" } });
      can("handle", "Case", { ...body, status: { $ne: "draft" } });
    }
    if (m.role === "officer") {
      // Officers see the cases routed to their departments (responsible or co-reading).
      const responsible: Record<string, unknown>[] = [
        { ...body, "routing.departmentId": { $in: m.departmentIds } },
        { ...body, "routing.officerId": user.id },
      ];
      const coReading = { ...body, "routing.coReaderDepartmentIds": { $in: m.departmentIds } };
      for (const conditions of [...responsible, coReading]) can("read", "Case", conditions);
      for (const conditions of responsible) can("handle", "Case", conditions);
    }
    if (m.role === "admin") {
      can("read", "Staff", body);
      can("invite", "Staff", body);
      can("manage", "Department", body);
    }
  }
  // Nobody removes themselves through "remove member": they leave instead.
  cannot("delete", "Member", { userId: user.id });
  return rules;
}

export function createAbility(rules: AppRule[]): AppAbility {
  return createMongoAbility<AppAbility>(rules);
}

export const defineAbilityFor = (user: AbilityUser | null) => createAbility(defineRulesFor(user));
