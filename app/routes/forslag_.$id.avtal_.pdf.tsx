import type { LoaderFunctionArgs } from "@remix-run/node";
import { signedAgreementDocument } from "~/domain/agreements/agreements.server";
import { loadCaseFor } from "~/domain/cases/case-page.server";
import { fileResponse } from "~/domain/http/downloads.server";

/** The signed agreement as PDF, for everyone who may read the case (the parties and staff). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { c } = await loadCaseFor(request, params.id);
  const doc = await signedAgreementDocument(c);
  if (!doc) throw new Response("Sidan finns inte", { status: 404 });
  return fileResponse(doc);
}
