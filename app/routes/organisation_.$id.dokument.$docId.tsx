import type { LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { requireAbility } from "~/domain/ability.server";
import { findOrgDocument, openFile } from "~/domain/documents.server";
import { findOrganisation } from "~/domain/organisations.server";
import { requireContext } from "~/domain/request.server";

/**
 * Download of an organisation document, only for those allowed to read it. Always as an
 * attachment; `X-Content-Type-Options: nosniff` is set on every response by the server.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ability, publicBody } = await requireContext(request);
  const org = await findOrganisation(publicBody._id, params.id ?? "");
  const notFound = new Response("Sidan finns inte", { status: 404 });
  if (!org) throw notFound;
  requireAbility(ability, "read", "OrgDocument", { organisationId: org._id, publicBodyId: org.publicBodyId });
  const doc = await findOrgDocument(org.publicBodyId, org._id, params.docId ?? "");
  if (!doc) throw notFound;
  const ascii = doc.filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "");
  return new Response(createReadableStreamFromReadable(openFile(doc.fileId)), {
    headers: {
      "Content-Type": doc.contentType,
      "Content-Length": String(doc.size),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
