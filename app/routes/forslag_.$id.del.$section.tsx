import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";
import { Attachments } from "~/components/attachments";
import { formResults } from "~/components/form-results";
import { PageHeading } from "~/components/layout";
import { SectionForm } from "~/components/proposal-form";
import { casePageData } from "~/domain/casework/case-page.server";
import { loadProposalDraftFor } from "~/http/case-requests.server";
import { caseErrorResponse } from "~/http/case-errors.server";
import { sectionBySlug } from "~/domain/cases/proposal-sections";
import { saveSection } from "~/domain/cases/proposals.server";
import { invalid, parseForm } from "~/http/forms.server";
import { readUploadForm } from "~/http/uploads.server";
import { redirectWithToast } from "~/http/session.server";
import { pageTags } from "~/http/meta";
import { sectionSchema } from "~/schemas/proposal";
import { attachIntent } from "./forslag.$id/intents.server";
import { ErrorNotice } from "~/components/error-notice";

export { revalidateAfterPost as shouldRevalidate } from "~/components/revalidate";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTags(matches, data?.heading ?? "");

/** One section of a full proposal the organisation is writing. */
async function sectionFor(request: Request, params: LoaderFunctionArgs["params"]) {
  const section = sectionBySlug(params.section);
  if (!section) throw new Response("Sidan finns inte", { status: 404 });
  return { ...(await loadProposalDraftFor(request, params.id)), section };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { c, actor, section, t } = await sectionFor(request, params);
  const data = await casePageData(c, { staff: false, actor });
  return { case: data.case, attachments: data.attachments, section, heading: t(`cases.sections.${section}`) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { c, user, section, caseUrl } = await sectionFor(request, params);
  const { formData, tooLarge } = await readUploadForm(request);
  const here = `${caseUrl}/del/${params.section ?? ""}`;
  try {
    if (tooLarge || formData.get("intent") === "attach")
      return await attachIntent({ c, user, formData, tooLarge }, here);
    const submission = parseForm(formData, sectionSchema);
    if (submission.status !== "success") return invalid(submission);
    const saved = await saveSection(c, user, section, submission.value);
    if (!saved.ok) {
      const fieldErrors = Object.fromEntries(saved.missing.map((name) => [name, ["cases.errors.missingSection"]]));
      return invalid(submission, { fieldErrors });
    }
    return redirectWithToast(caseUrl, "cases.sectionSaved");
  } catch (error) {
    return caseErrorResponse(error);
  }
}

export default function ProposalSectionPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const { caseError, resultFor } = formResults(useActionData<typeof action>());
  const c = data.case;
  return (
    <div className="narrow">
      <AppLink to={`/forslag/${c.id}`} className="back-link">
        {t("cases.backToTasks")}
      </AppLink>
      <PageHeading lead={t(`cases.sectionLead.${data.section}`)}>
        <span className="page-heading__caption">{c.title}</span> {data.heading}
      </PageHeading>
      <ErrorNotice message={caseError} />
      {data.section === "attachments" ? (
        <Attachments
          attachments={data.attachments}
          canAttach
          version={c.version}
          lastResult={resultFor("attach")}
          heading={t("cases.attachmentsAdded")}
          formOpen={data.attachments.length === 0}
        />
      ) : null}
      <SectionForm key={c.version} c={c} section={data.section} lastResult={resultFor(null)} />
    </div>
  );
}
