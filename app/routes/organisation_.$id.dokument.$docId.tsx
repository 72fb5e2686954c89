import type { LoaderFunctionArgs } from "@remix-run/node";
import { findOrgDocument } from "~/domain/records/documents.server";
import { fileResponse } from "~/http/downloads.server";
import { findOrganisation } from "~/domain/organisations/organisations.server";
import { requireContext, requireAbility } from "~/http/request.server";

/** Download of an organisation document, only for those allowed to read it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ability, publicBody } = await requireContext(request);
  const org = await findOrganisation(publicBody._id, params.id ?? "");
  const notFound = new Response("Sidan finns inte", { status: 404 });
  if (!org) throw notFound;
  requireAbility(ability, "read", "OrgDocument", { organisationId: org._id, publicBodyId: org.publicBodyId });
  const doc = await findOrgDocument(org.publicBodyId, org._id, params.docId ?? "");
  if (!doc || doc.kind === "attachment") throw notFound;
  return fileResponse(doc);
}
