import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "~/components/layout";
import { VerifyFirstNotice } from "~/components/verify-notice";
import { OrganisationForm } from "~/components/organisation-form";
import { invalid, parseForm, readForm } from "~/http/forms.server";
import { pageMeta } from "~/http/meta";
import { createOrganisation, DuplicateOrgNumberError } from "~/domain/organisations/organisations.server";
import { requireContext, requireAbility } from "~/http/request.server";
import { redirectWithToast } from "~/http/session.server";
import { organisationSchema } from "~/schemas/organisation";

export const meta = pageMeta("org.newTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, ability } = await requireContext(request);
  requireAbility(ability, "create", "Organisation", {}, 403);
  return { verified: Boolean(user.emailVerifiedAt) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, ability, publicBody } = await requireContext(request);
  requireAbility(ability, "create", "Organisation", {}, 403);
  const submission = parseForm(await readForm(request), organisationSchema);
  if (submission.status !== "success") return invalid(submission);
  if (!user.emailVerifiedAt) return invalid(submission, { formErrors: ["org.needsVerified"] }, 403);
  try {
    const org = await createOrganisation(publicBody._id, user, submission.value);
    return redirectWithToast(`/organisation/${String(org._id)}?ny`, "org.created");
  } catch (error) {
    if (error instanceof DuplicateOrgNumberError) {
      return invalid(submission, { fieldErrors: { orgNumber: ["errors.orgNumber.duplicate"] } }, 409);
    }
    throw error;
  }
}

export default function NewOrganisation() {
  const { t } = useTranslation();
  const { verified } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="narrow">
      <PageHeading lead={t("org.newLead")}>{t("org.newTitle")}</PageHeading>
      {verified ? (
        <OrganisationForm lastResult={actionData?.result} submitLabel={t("org.register")} />
      ) : (
        <VerifyFirstNotice />
      )}
    </div>
  );
}
