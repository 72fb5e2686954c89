import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";
import { CaseContent } from "~/components/case";
import { PageHeading } from "~/components/layout";
import { casePageData } from "~/domain/casework/case-page.server";
import { loadProposalDraftFor } from "~/http/case-requests.server";
import { caseErrorResponse } from "~/http/case-errors.server";
import { PROPOSAL_SECTIONS, SECTION_SLUGS } from "~/domain/cases/proposal-sections";
import { submitProposal } from "~/domain/cases/proposals.server";
import { parseForm, readForm } from "~/http/forms.server";
import { badRequest } from "~/http/request.server";
import { redirectWithToast } from "~/http/session.server";
import { pageMeta } from "~/http/meta";
import { versionSchema } from "~/schemas/proposal";
import { ErrorNotice } from "~/components/error-notice";

export const meta: MetaFunction = pageMeta("cases.review.title");

/** Check your answers: the whole proposal by section, each with a way back to change it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { c, actor, caseUrl } = await loadProposalDraftFor(request, params.id);
  const data = await casePageData(c, { staff: false, actor });
  // Only a proposal with every section done is checked; the task list says what is left.
  if (!data.sections.every((s) => s.status === "done")) throw redirect(caseUrl);
  return { case: data.case, attachments: data.attachments };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { c, user, caseUrl } = await loadProposalDraftFor(request, params.id);
  const submission = parseForm(await readForm(request), versionSchema);
  if (submission.status !== "success") throw badRequest();
  try {
    // A section reopened in another tab meanwhile: back to the task list, which shows it.
    const result = await submitProposal(c, user, submission.value.version);
    return redirectWithToast(caseUrl, result.ok ? "cases.submittedToast" : "cases.review.notReady");
  } catch (error) {
    return caseErrorResponse(error);
  }
}

export default function ReviewProposal() {
  const { t } = useTranslation();
  const { case: c, attachments } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const caseError = answer && "caseError" in answer ? answer.caseError : null;
  return (
    <div className="narrow">
      <AppLink to={`/forslag/${c.id}`} className="back-link">
        {t("cases.backToTasks")}
      </AppLink>
      <PageHeading lead={t("cases.review.lead")}>{t("cases.review.title")}</PageHeading>
      <ErrorNotice message={caseError} />
      {PROPOSAL_SECTIONS.map((section) => (
        <section key={section} className="summary-card" aria-labelledby={`review-${section}`}>
          <div className="summary-card__title">
            <h2 id={`review-${section}`}>{t(`cases.sections.${section}`)}</h2>
            <AppLink to={`/forslag/${c.id}/del/${SECTION_SLUGS[section]}`}>
              {t("cases.review.change")}
              <span className="visually-hidden"> {t(`cases.sections.${section}`).toLowerCase()}</span>
            </AppLink>
          </div>
          {section === "attachments" ? (
            attachments.length ? (
              <ul>
                {attachments.map((a) => (
                  <li key={a.id}>
                    {a.title} <span className="muted">({a.filename})</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t("cases.noAttachments")}</p>
            )
          ) : (
            <CaseContent c={c} section={section} />
          )}
        </section>
      ))}
      <h2>{t("cases.review.sendHeading")}</h2>
      <p>{t("cases.review.sendLead")}</p>
      <Form method="post">
        <input type="hidden" name="version" value={c.version} />
        <button type="submit" className="button">
          {t("cases.review.send")}
        </button>
      </Form>
    </div>
  );
}
