import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AgreementPage } from "~/components/agreement";
import { formResults } from "~/components/form-results";
import { agreementPage } from "~/domain/agreements/agreements.server";
import { loadAgreementCaseFor } from "~/domain/cases/case-page.server";
import { readUploadForm } from "~/domain/http/uploads.server";
import { pageMeta } from "~/domain/kernel/meta";
import { runAgreementIntent } from "./intents.server";

export { revalidateAfterPost as shouldRevalidate } from "~/components/revalidate";

export const meta: MetaFunction = pageMeta("agreement.title");

const versionParam = (url: URL, name: string) => Number(url.searchParams.get(name)) || 0;

/** The organisation's (and co-organisations') view of the agreement: read, comment per section, compare, sign. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { c, actor, user } = await loadAgreementCaseFor(request, params.id, "organisation");
  const url = new URL(request.url);
  return agreementPage(c, user, actor, {
    staff: false,
    from: versionParam(url, "fran"),
    to: versionParam(url, "till"),
    request,
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { c, user } = await loadAgreementCaseFor(request, params.id, "organisation");
  return runAgreementIntent(
    c,
    user,
    await readUploadForm(request),
    context.ip,
    `/forslag/${String(c._id)}/avtal`,
    request,
  );
}

export default function OrganisationAgreement() {
  const data = useLoaderData<typeof loader>();
  const { resultFor, caseError } = formResults(useActionData<typeof action>());
  return <AgreementPage data={data} resultFor={resultFor} caseError={caseError} />;
}
