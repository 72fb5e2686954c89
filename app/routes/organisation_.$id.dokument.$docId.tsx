import type { LoaderFunctionArgs } from "@remix-run/node";
import { findOrgDocument } from "~/domain/records/documents.server";
import { fileResponse } from "~/http/downloads.server";
import { findOrganisation, orgScope } from "~/domain/organisations/organisations.server";
import { requireContext, requireAbility } from "~/http/request.server";

/** Download of an organisation document, only for those allowed to read it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ability, publicBody, user } = await requireContext(request);
  const org = await findOrganisation(publicBody._id, params.id ?? "");
  const notFound = new Response("Sidan finns inte", { status: 404 });
  if (!org) throw notFound;
  requireAbility(ability, "read", "OrgDocument", orgScope(org));
  const member = user.orgMemberships.some((m) => m.organisationId.equals(org._id));
  const doc = await findOrgDocument(
    { organisationId: org._id, seenFrom: member ? null : publicBody._id },
    params.docId ?? "",
  );
  if (!doc) throw notFound;
  return fileResponse(doc);
}
