import { LRUCache } from "lru-cache";
import { subject as asSubject } from "@casl/ability";
import { accessibleBy } from "@casl/mongoose";
import type { SessionUser } from "../identity/sessions.server";
import type { Proposal } from "#models/proposal";
import {
  caseRelation,
  defineAbilityFor,
  type AbilityUser,
  type Action,
  type AppAbility,
  type CaseRelation,
  type SubjectType,
} from "./policy";

export function toAbilityUser(user: SessionUser | null): AbilityUser | null {
  if (!user) return null;
  return {
    id: String(user._id),
    orgMemberships: user.orgMemberships.map((m) => ({ organisationId: String(m.organisationId), role: m.role })),
    staffMemberships: user.staffMemberships.map((m) => ({
      publicBodyId: String(m.publicBodyId),
      role: m.role,
      departmentIds: m.departmentIds.map(String),
    })),
  };
}

const keptAbilities = new LRUCache<string, AppAbility>({ max: 2000 });

/**
 * The person's ability. Its rules follow only from their id and memberships, so one ability is
 * kept per such set (bounded): CASL then compiles each rule's conditions once, not on every
 * request, and lists kept per set of rules find theirs without serialising the rules again.
 */
export function abilityFor(user: SessionUser | null): AppAbility {
  const abilityUser = toAbilityUser(user);
  const key = JSON.stringify(abilityUser);
  let ability = keptAbilities.get(key);
  if (!ability) {
    ability = defineAbilityFor(abilityUser);
    keptAbilities.set(key, ability);
  }
  return ability;
}

/** Plain string ids, so CASL conditions (also string ids) compare equal to ObjectIds. */
function plain(fields: Record<string, unknown>) {
  const isObjectId = (v: unknown) => typeof v === "object" && v !== null && "toHexString" in v;
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, isObjectId(v) ? String(v) : v]));
}

export function can(ability: AppAbility, action: Action, type: SubjectType, fields: Record<string, unknown>) {
  return ability.can(action, asSubject(type, plain(fields)) as unknown as Parameters<AppAbility["can"]>[1]);
}

/**
 * The Mongo filter of what the user may see, or null when nothing. (@casl/mongoose answers
 * "nothing" with `$expr`, which FerretDB lacks, so we never send that to the database.)
 */
export function accessibleFilter(ability: AppAbility, action: Action, type: SubjectType) {
  if (!ability.can(action, type)) return null;
  return accessibleBy(ability, action).ofType(type) as Record<string, unknown>;
}

/** Plain string ids, for CASL checks of a case. */
export function caseSubject(
  c: Pick<Proposal, "publicBodyId" | "organisationId" | "status" | "routing"> &
    Partial<Pick<Proposal, "partnerOrganisationIds">>,
) {
  return {
    publicBodyId: String(c.publicBodyId),
    organisationId: String(c.organisationId),
    status: c.status,
    partnerOrganisationIds: (c.partnerOrganisationIds ?? []).map(String),
    ...(c.routing
      ? {
          routing: {
            departmentId: String(c.routing.departmentId),
            officerId: String(c.routing.officerId),
            coReaderDepartmentIds: c.routing.coReaderDepartmentIds.map(String),
          },
        }
      : {}),
  };
}

/** How this user relates to this case (the input of every case rule in the policy). */
export const relationOf = (
  user: SessionUser | null,
  c: Pick<Proposal, "publicBodyId" | "organisationId" | "status" | "routing"> &
    Partial<Pick<Proposal, "partnerOrganisationIds">>,
): CaseRelation => caseRelation(toAbilityUser(user), caseSubject(c));
