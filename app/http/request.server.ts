import { packRules } from "@casl/ability/extra";
import { getI18n } from "~/i18n";
import { abilityFor, can } from "../domain/access/ability.server";
import type { Action, AppAbility, SubjectType } from "../domain/access/policy";
import { perObject } from "../domain/kernel/per-object";
import { getLang } from "./lang.server";
import { getPublicBody, NoPublicBodyError, NotThisHostError } from "../domain/public-body/public-body.server";
import { getUser, requireUser } from "./session.server";

const publicBodyOrUnavailable = () =>
  getPublicBody().catch((error: unknown) => {
    if (error instanceof NoPublicBodyError) throw new Response(error.message, { status: 503 });
    // The front door or an unknown host has no body's pages (decision 028).
    if (error instanceof NotThisHostError) throw new Response("Sidan finns inte", { status: 404 });
    throw error;
  });

/** What most loaders and actions start with: who asks, in which language, for which body. */
export async function requestContext(request: Request) {
  const [user, lang, publicBody] = await Promise.all([getUser(request), getLang(request), publicBodyOrUnavailable()]);
  const ability = abilityFor(user);
  return { user, lang, publicBody, ability, t: getI18n(lang).t };
}

export async function requireContext(request: Request) {
  await requireUser(request);
  const ctx = await requestContext(request);
  if (!ctx.user) throw new Error("unreachable: requireUser redirects");
  return { ...ctx, user: ctx.user };
}

/**
 * A page of the body's staff (inbox, overview, administration), `allowed` by the policy: refused
 * with 403 to the body's staff without the role, and with 404 to everyone else, to whom it does
 * not exist (a role in another body gives nothing here: decision 028).
 */
export function requireStaffPage(
  ctx: {
    user: { staffMemberships: { publicBodyId: { equals(id: unknown): boolean } }[] };
    publicBody: { _id: unknown };
  },
  allowed: boolean,
) {
  if (allowed) return;
  const staffHere = ctx.user.staffMemberships.some((m) => m.publicBodyId.equals(ctx.publicBody._id));
  throw staffHere
    ? new Response("Du har inte behörighet", { status: 403 })
    : new Response("Sidan finns inte", { status: 404 });
}

/** The rules as sent to the browser; abilities are kept, so their packed rules are too. */
export const packedRules = perObject((ability: ReturnType<typeof abilityFor>) => packRules(ability.rules));

/** A 400 for a malformed request that no form could have produced. */
export const badRequest = () => new Response("Ogiltig förfrågan", { status: 400 });

/**
 * Throws a 404 when the user may not do this: pages about other organisations' objects
 * must not reveal that they exist (docs/domain.md, "Roles and who sees what").
 */
export function requireAbility(
  ability: AppAbility,
  action: Action,
  type: SubjectType,
  fields: Record<string, unknown>,
  status: 403 | 404 = 404,
) {
  if (!can(ability, action, type, fields)) {
    throw new Response(status === 404 ? "Sidan finns inte" : "Du har inte behörighet", { status });
  }
}
