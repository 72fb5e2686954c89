import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadCaseFor } from "~/http/case-requests.server";
import { findCaseAttachment } from "~/domain/records/documents.server";
import { fileResponse } from "~/http/downloads.server";

/** An attachment of a case, for everyone who may read the case (organisation and staff). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { c } = await loadCaseFor(request, params.id);
  const doc = await findCaseAttachment(c, params.docId ?? "");
  if (!doc) throw new Response("Sidan finns inte", { status: 404 });
  return fileResponse(doc);
}
