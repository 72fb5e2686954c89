import { subject as subjectOf } from "@casl/ability";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";
import { pageTags } from "~/http/meta";
import { formResults } from "~/components/form-results";
import { useAppAbility } from "~/components/ability";
import { PageHeading } from "~/components/layout";
import { OrganisationForm } from "~/components/organisation-form";
import { readUploadForm } from "~/http/uploads.server";
import { requireContext, requireAbility } from "~/http/request.server";
import { findOrganisation, organisationPage, orgScope } from "~/domain/organisations/organisations.server";
import { OrganisationCases } from "./cases";
import { DocumentsSection } from "./documents";
import { OrganisationFacts } from "./facts";
import { runOrganisationIntent } from "./intents.server";
import { MembersSection } from "./members";
import { CallToAction } from "~/components/call-to-action";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTags(matches, data?.organisation.name ?? "");

async function loadOrganisation(request: Request, id: string | undefined) {
  const ctx = await requireContext(request);
  const org = await findOrganisation(ctx.publicBody._id, id ?? "");
  // Another organisation's page answers 404, as if it did not exist.
  if (!org) throw new Response("Sidan finns inte", { status: 404 });
  requireAbility(ctx.ability, "read", "Organisation", { _id: org._id, publicBodyIds: org.publicBodyIds });
  return { ...ctx, org, scope: orgScope(org) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { org, ability, user, publicBody } = await loadOrganisation(request, params.id);
  const viewer = {
    staff: user.staffMemberships.some((m) => m.publicBodyId.equals(publicBody._id)),
    member: user.orgMemberships.some((m) => m.organisationId.equals(org._id)),
    publicBodyId: publicBody._id,
  };
  return { me: String(user._id), ...(await organisationPage(org, ability, viewer)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const ctx = await loadOrganisation(request, params.id);
  const { formData, tooLarge } = await readUploadForm(request);
  return runOrganisationIntent({ ...ctx, formData, tooLarge });
}

export default function OrganisationPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const ability = useAppAbility();
  const org = data.organisation;
  const scope = { organisationId: org.id, publicBodyIds: org.publicBodyIds };
  const mayUpdate = ability.can("update", subjectOf("Organisation", { _id: org.id, publicBodyIds: org.publicBodyIds }));
  const editing = mayUpdate && searchParams.has("andra");
  const { resultFor } = formResults(actionData);
  const memberError = actionData && "memberError" in actionData ? actionData.memberError : null;
  return (
    <>
      <PageHeading>{org.name}</PageHeading>
      {searchParams.has("ny") ? (
        // Just registered: the next step is the organisation's idea or proposal.
        <CallToAction
          id="next-step"
          className="panel panel--task"
          title={t("org.nextStepTitle")}
          body={t("org.nextStepBody")}
        >
          <AppLink to="/forslag/ny" className="button">
            {t("org.nextStepStart")}
          </AppLink>
        </CallToAction>
      ) : null}
      <section aria-labelledby="org-details">
        <h2 id="org-details">{t("org.details")}</h2>
        {editing ? (
          <div className="narrow">
            <OrganisationForm lastResult={resultFor("organisation")} defaultValue={org} submitLabel={t("org.save")} />
          </div>
        ) : (
          <>
            <OrganisationFacts org={org} />
            {mayUpdate ? (
              <AppLink to="?andra" className="button button--secondary">
                {t("org.edit")}
              </AppLink>
            ) : null}
          </>
        )}
      </section>
      {data.cases ? <OrganisationCases cases={data.cases} /> : null}
      {data.members ? (
        <MembersSection
          members={data.members}
          invitations={data.invitations}
          me={data.me}
          scope={scope}
          error={memberError}
          lastResult={resultFor("invite")}
        />
      ) : null}
      {data.documents ? (
        <DocumentsSection orgId={org.id} documents={data.documents} scope={scope} lastResult={resultFor("upload")} />
      ) : null}
    </>
  );
}
