import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";
import { pageTags } from "~/http/meta";
import { formResults } from "~/components/form-results";
import { Attachments } from "~/components/attachments";
import { DecisionView } from "~/components/assessment-panel";
import { AgreementLink, CaseContent, CaseSummary, DocumentList, Timeline } from "~/components/case";
import { Dialogue } from "~/components/dialogue";
import { PageHeading } from "~/components/layout";
import { staffCaseView } from "~/domain/casework/case-page.server";
import { loadStaffCaseFor } from "~/http/case-requests.server";
import { markSeen } from "~/domain/start/start-page.server";
import { caseErrorResponse } from "~/http/case-errors.server";
import { DIALOGUE_STATUSES, isIn } from "~/domain/cases/lifecycle";
import { readUploadForm } from "~/http/uploads.server";
import { AssessmentSteps, ConfidentialForm, OrganisationDocuments } from "./case-panels";
import { runStaffIntent } from "./intents.server";
import { ReassignPanel, RoutingForm } from "./routing-forms";
import { CompletionPanel, StaffDialogueForms } from "./staff-dialogue";
import { ErrorNotice } from "~/components/error-notice";

export { revalidateAfterPost as shouldRevalidate } from "~/components/revalidate";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTags(matches, `${data?.case.caseNumber ?? ""} ${data?.case.title ?? ""}`.trim());

/** The case page of the civil-society office and the officers. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { c, actor, user, publicBody } = await loadStaffCaseFor(request, params.id);
  // The department chosen for routing (a GET of the department chooser, so it works without JavaScript).
  const choice = new URL(request.url).searchParams.get("forvaltning") ?? "";
  const [view] = await Promise.all([
    staffCaseView(c, user, actor, { departmentChoice: choice, eurRate: publicBody.eurRate }),
    markSeen(user._id, c),
  ]);
  return view;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { c, user, actor } = await loadStaffCaseFor(request, params.id);
  const { formData, tooLarge } = await readUploadForm(request);
  try {
    return await runStaffIntent({ c, user, actor, formData, tooLarge });
  } catch (error) {
    return caseErrorResponse(error);
  }
}

export default function StaffCasePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const c = data.case;
  const { caseError, resultFor } = formResults(actionData);
  const assessing = c.kind === "proposal" && (c.status === "in_dialogue" || c.status === "in_assessment");
  return (
    <>
      <p>
        <AppLink to="/handlaggning">← {t("inbox.title")}</AppLink>
      </p>
      <PageHeading>
        {c.caseNumber ? `${c.caseNumber} · ` : ""}
        {c.title}
      </PageHeading>
      <ErrorNotice message={caseError} />
      <div className="case-grid">
        <div>
          {data.routing && data.transitions.includes("route") ? (
            <RoutingForm key={c.version} routing={data.routing} version={c.version} lastResult={resultFor("route")} />
          ) : null}
          <AgreementLink data={data} staff />
          {data.decision ? <DecisionView decision={data.decision} /> : null}
          {data.assessor && assessing ? <AssessmentSteps data={data} resultFor={resultFor} /> : null}
          <section aria-labelledby="case-details">
            <h2 id="case-details">
              {t("cases.details")} ({t(`cases.kindShort.${c.kind}`)})
            </h2>
            <CaseContent c={c} />
          </section>
          <Attachments attachments={data.attachments} canAttach={false} version={c.version} lastResult={undefined} />
          <OrganisationDocuments data={data} />
          <section aria-labelledby="dialogue-heading">
            <h2 id="dialogue-heading">{t("dialogue.title")}</h2>
            <Dialogue entries={data.dialogue} />
          </section>
          {isIn(DIALOGUE_STATUSES, c.status) ? <StaffDialogueForms version={c.version} resultFor={resultFor} /> : null}
          {data.transitions.includes("requestCompletion") ? (
            <CompletionPanel version={c.version} lastResult={resultFor("completion")} />
          ) : null}
          <section aria-labelledby="documents-heading">
            <h2 id="documents-heading">{t("cases.documents")}</h2>
            <p className="muted">{t("cases.documentsLead")}</p>
            <DocumentList documents={data.documents} staff />
          </section>
        </div>
        <aside>
          <section className="panel" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{t("cases.overview")}</h2>
            <CaseSummary data={data} staff />
            <ConfidentialForm
              confidential={c.confidential}
              publicationCleared={c.publicationCleared}
              version={c.version}
            />
          </section>
          {data.routing && data.transitions.includes("reassign") ? (
            <ReassignPanel
              key={c.version}
              routing={data.routing}
              version={c.version}
              lastResult={resultFor("reassign")}
              open={params.has("forvaltning")}
            />
          ) : null}
          <Timeline events={data.events} />
        </aside>
      </div>
    </>
  );
}
