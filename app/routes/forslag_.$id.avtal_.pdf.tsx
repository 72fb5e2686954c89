import type { LoaderFunctionArgs } from "@remix-run/node";
import { signedAgreementDocument } from "~/domain/agreements/agreements.server";
import { loadAgreementCaseFor } from "~/http/case-requests.server";
import { fileResponse } from "~/http/downloads.server";

/**
 * The signed agreement as PDF, for everyone who may read the agreement (the parties and staff): the
 * one in force, or with `?version=n` an earlier signed version that a signed change replaced.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { c } = await loadAgreementCaseFor(request, params.id, "either");
  const asked = new URL(request.url).searchParams.get("version");
  const number = asked === null ? undefined : /^\d{1,4}$/.test(asked) ? Number(asked) : NaN;
  const doc = Number.isNaN(number) ? null : await signedAgreementDocument(c, number);
  if (!doc) throw new Response("Sidan finns inte", { status: 404 });
  return fileResponse(doc);
}
