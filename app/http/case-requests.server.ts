import { can, caseSubject, relationOf } from "../domain/access/ability.server";
import { loadCaseById, viewCaseById } from "../domain/cases/engine.server";
import { requireAbility, requireContext } from "./request.server";

// The case a request is about, for the case routes: found, readable by this person and on the
// right side of the case, else the HTTP answer (404, or back to the case page). The domain
// below answers in its own terms; this is where they become responses.

/**
 * The case as this request needs it: a page view (GET) may be shown the instance's kept copy;
 * a write always reads the stored case (decision 034).
 */
const caseFor = (request: Request, publicBodyId: Parameters<typeof loadCaseById>[0], id: string | undefined) =>
  (request.method === "GET" || request.method === "HEAD" ? viewCaseById : loadCaseById)(publicBodyId, id ?? "");

/** The case the request is about, if the user may read it; otherwise 404 (docs/domain.md). */
export async function loadCaseFor(request: Request, id: string | undefined) {
  const ctx = await requireContext(request);
  const c = await caseFor(request, ctx.publicBody._id, id);
  if (!c) throw new Response("Sidan finns inte", { status: 404 });
  requireAbility(ctx.ability, "read", "Case", caseSubject(c));
  return { ...ctx, c, actor: relationOf(ctx.user, c) };
}

/**
 * A case on the organisation's own pages; staff have their own case page (404 here). `editable`
 * while the organisation may still change the content (a draft, or a proposal being written).
 */
export async function loadOrganisationCaseFor(request: Request, id: string | undefined) {
  const ctx = await loadCaseFor(request, id);
  if (ctx.actor !== "organisation") throw new Response("Sidan finns inte", { status: 404 });
  return { ...ctx, editable: can(ctx.ability, "update", "Case", caseSubject(ctx.c)) };
}

/**
 * A case's agreement: for the organisation and its co-organisations (`side` "organisation",
 * /forslag/:id/avtal) or for staff (their own page), or either (its PDF); anyone else, and the
 * other side, get 404.
 */
export async function loadAgreementCaseFor(
  request: Request,
  id: string | undefined,
  side: "organisation" | "staff" | "either",
) {
  const ctx = await requireContext(request);
  const c = await caseFor(request, ctx.publicBody._id, id);
  if (!c) throw new Response("Sidan finns inte", { status: 404 });
  requireAbility(ctx.ability, "readAgreement", "Case", caseSubject(c));
  const actor = relationOf(ctx.user, c);
  const parties = actor === "organisation" || actor === "partner";
  if (side !== "either" && (side === "organisation") !== parties) {
    throw new Response("Sidan finns inte", { status: 404 });
  }
  return { ...ctx, c, actor };
}

/** A case on staff's pages; the organisation's members use /forslag/:id, politicians have none (404). */
export async function loadStaffCaseFor(request: Request, id: string | undefined) {
  const ctx = await loadCaseFor(request, id);
  if (ctx.actor === "organisation" || ctx.actor === "politician")
    throw new Response("Sidan finns inte", { status: 404 });
  return ctx;
}

/** A full proposal the organisation is still writing; anything else sends them back to its case page. */
export async function loadProposalDraftFor(request: Request, id: string | undefined) {
  const ctx = await loadOrganisationCaseFor(request, id);
  const caseUrl = `/forslag/${String(ctx.c._id)}`;
  if (!ctx.editable || ctx.c.kind !== "proposal")
    throw new Response(null, { status: 302, headers: { Location: caseUrl } });
  return { ...ctx, caseUrl };
}
