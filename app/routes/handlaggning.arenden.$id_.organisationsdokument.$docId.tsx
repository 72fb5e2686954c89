import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadCaseFor } from "~/http/case-requests.server";
import { findOrgDocument } from "~/domain/records/documents.server";
import { fileResponse } from "~/http/downloads.server";

/**
 * The organisation's own documents (stadgar, årsredovisning ...) for those who handle one of
 * its cases: reading the case is what grants it, so officers need no wider access.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { c, actor } = await loadCaseFor(request, params.id);
  if (actor === "organisation" || actor === "politician") throw new Response("Sidan finns inte", { status: 404 });
  const doc = await findOrgDocument({ organisationId: c.organisationId, seenFrom: c.publicBodyId }, params.docId ?? "");
  if (!doc) throw new Response("Sidan finns inte", { status: 404 });
  return fileResponse(doc);
}
