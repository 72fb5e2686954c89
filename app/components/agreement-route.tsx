import { useActionData, useLoaderData } from "@remix-run/react";
import type { agreementAction, agreementLoader } from "~/routes/forslag_.$id.avtal/agreement-route.server";
import { AgreementPage } from "./agreement";
import { formResults } from "./form-results";

/** The agreement page of either side's route (routes/forslag_.$id.avtal/agreement-route.server.ts). */
export function AgreementRoute() {
  const data = useLoaderData<ReturnType<typeof agreementLoader>>();
  const { resultFor, caseError } = formResults(useActionData<ReturnType<typeof agreementAction>>());
  return <AgreementPage data={data} resultFor={resultFor} caseError={caseError} />;
}
