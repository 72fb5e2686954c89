import { AgreementInForce } from "~/components/agreement-in-force";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTags } from "~/http/meta";
import { formResults } from "~/components/form-results";
import { AgreementLink, CaseContent, CaseSummary, DocumentList, Timeline, TransitionPanel } from "~/components/case";
import { DecisionView } from "~/components/assessment-panel";
import { Attachments } from "~/components/attachments";
import { CaseActionForm, Dialogue, MessageForm } from "~/components/dialogue";
import { PageHeading } from "~/components/layout";
import { IdeaForm, ProposalTaskList } from "~/components/proposal-form";
import { casePageData } from "~/domain/casework/case-page.server";
import { loadOrganisationCaseFor } from "~/http/case-requests.server";
import { caseErrorResponse } from "~/http/case-errors.server";
import { listDialogue } from "~/domain/cases/dialogue.server";
import { ATTACHABLE_STATUSES, DIALOGUE_STATUSES, isIn } from "~/domain/cases/lifecycle";
import { readUploadForm } from "~/http/uploads.server";
import { completionAnswerSchema } from "~/schemas/dialogue";
import { runOrganisationCaseIntent } from "./intents.server";
import { TextPage } from "~/components/text-page";
import { parsePageText } from "~/content/page-texts";
import { pageText } from "~/domain/public-body/page-texts.server";
import { ErrorNotice } from "~/components/error-notice";

export { revalidateAfterPost as shouldRevalidate } from "~/components/revalidate";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTags(matches, data?.case.title ?? "");

/** The organisation's page of one idea or proposal. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { c, actor, editable, lang } = await loadOrganisationCaseFor(request, params.id);
  const [data, dialogue, appeal] = await Promise.all([
    casePageData(c, { staff: false, actor }),
    listDialogue(c, { staff: false }),
    // A committee's decision can be appealed (laglighetsprövning); the text is the public body's.
    c.decision?.decidedBy === "committee" ? pageText(c.publicBodyId, "appeal", lang) : null,
  ]);
  return { ...data, dialogue, appeal: appeal?.body ?? null, editable };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { c, actor, editable, user } = await loadOrganisationCaseFor(request, params.id);
  const { formData, tooLarge } = await readUploadForm(request);
  try {
    return await runOrganisationCaseIntent({ c, actor, editable, user, formData, tooLarge });
  } catch (error) {
    return caseErrorResponse(error);
  }
}

export default function ProposalPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const c = data.case;
  const { caseError, resultFor } = formResults(actionData);
  const result = resultFor(null);
  const open = isIn(DIALOGUE_STATUSES, c.status);
  const taskList = data.editable && c.kind === "proposal";
  return (
    <>
      <PageHeading>{c.title}</PageHeading>
      <ErrorNotice message={caseError} />
      {data.dialogue
        .filter((m) => m.kind === "meetingInvite" && !m.confirmed)
        .map((m) => (
          <section key={m.id} className="panel panel--task" aria-labelledby={`invite-${m.id}`}>
            <h2 id={`invite-${m.id}`}>
              {t("dialogue.tasks")}:{" "}
              {t("dialogue.taskConfirm", {
                details: t("dialogue.inviteDetails", {
                  date: m.meetingDate ?? "",
                  time: m.meetingTime,
                  place: m.place,
                }),
              })}
            </h2>
            {m.body ? <p className="pre-line">{m.body}</p> : null}
            <Form method="post">
              <input type="hidden" name="intent" value="confirmMeeting" />
              <input type="hidden" name="messageId" value={m.id} />
              <button type="submit" className="button">
                {t("dialogue.confirm")}
              </button>
            </Form>
          </section>
        ))}
      {data.transitions.includes("answerCompletion") ? (
        <section className="panel panel--task" aria-labelledby="answer-heading">
          <h2 id="answer-heading">
            {t("dialogue.tasks")}: {t("dialogue.taskAnswer")}
          </h2>
          <p>{t("dialogue.answerLead")}</p>
          {data.dialogue
            .filter((m) => m.kind === "completionRequest")
            .slice(-1)
            .map((m) => (
              <blockquote key={m.id} className="pre-line">
                {m.body}
              </blockquote>
            ))}
          <CaseActionForm
            key={c.version}
            id="answer"
            schema={completionAnswerSchema}
            intent="answerCompletion"
            version={c.version}
            fields={[{ name: "answer", label: t("dialogue.fields.answer") }]}
            submitLabel={t("dialogue.sendAnswer")}
            lastResult={resultFor("answer")}
          />
        </section>
      ) : null}
      <AgreementLink data={data} />
      {data.decision ? <DecisionView decision={data.decision} /> : null}
      {data.appeal ? (
        <section className="panel" aria-label={t("cases.appealTitle")}>
          <TextPage sections={parsePageText(data.appeal)} headingLevel={2} />
        </section>
      ) : null}
      {/* "What happens next?" comes first in the page, so on a phone it is read first; on a
          wide screen the grid places it at the top of the side column. */}
      <div className="case-grid case-grid--next-first">
        <section className="panel case-grid__next" aria-labelledby="next-step">
          <h2 id="next-step">{t("cases.nextTitle")}</h2>
          <p>{t(`cases.next.${c.shownStatus}`)}</p>
          {data.inForce ? <AgreementInForce a={data.inForce} /> : null}
          <CaseSummary data={data} />
        </section>
        <div className="case-grid__main">
          {taskList ? (
            <ProposalTaskList caseId={c.id} sections={data.sections} />
          ) : data.editable ? (
            <IdeaForm key={c.version} c={c} lastResult={result} />
          ) : (
            <section aria-labelledby="case-details">
              <h2 id="case-details">{t("cases.details")}</h2>
              <CaseContent c={c} />
            </section>
          )}
          {/* While a full proposal is written, its attachments are one of its sections. */}
          {taskList ? null : (
            <Attachments
              attachments={data.attachments}
              canAttach={isIn(ATTACHABLE_STATUSES, c.status)}
              version={c.version}
              lastResult={resultFor("attach")}
            />
          )}
          {c.status !== "draft" ? (
            <section aria-labelledby="dialogue-heading">
              <h2 id="dialogue-heading">{t("dialogue.title")}</h2>
              <Dialogue entries={data.dialogue} />
              {open ? (
                <MessageForm
                  version={c.version}
                  headingKey="dialogue.writeToMunicipality"
                  lastResult={resultFor("message")}
                />
              ) : null}
            </section>
          ) : null}
          {data.documents.length ? (
            <section aria-labelledby="documents-heading">
              <h2 id="documents-heading">{t("cases.documents")}</h2>
              <DocumentList documents={data.documents} />
            </section>
          ) : null}
        </div>
        <aside className="case-grid__aside">
          {data.transitions.includes("convertToProposal") ? (
            <TransitionPanel
              intent="convertToProposal"
              version={c.version}
              heading={t("dialogue.convertHeading")}
              lead={t("dialogue.convertLead")}
              button={t("dialogue.convert")}
            />
          ) : null}
          {data.transitions.includes("withdraw") ? (
            // A draft never sent is deleted; a registered case is withdrawn and stays on record.
            <TransitionPanel
              intent="withdraw"
              version={c.version}
              heading={c.status === "draft" ? t("cases.deleteDraft") : t("cases.withdraw")}
              lead={c.status === "draft" ? t("cases.deleteDraftLead") : t("cases.withdrawLead")}
              button={c.status === "draft" ? t("cases.deleteDraft") : t("cases.withdraw")}
              secondary
            />
          ) : null}
          <Timeline events={data.events} />
        </aside>
      </div>
    </>
  );
}
