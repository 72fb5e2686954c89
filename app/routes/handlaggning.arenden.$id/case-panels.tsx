import type { SubmissionResult } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AssessmentForm, ConflictPanel, DecisionForm } from "~/components/assessment-panel";
import type { StaffCaseView } from "~/domain/cases/case-page.server";
import { formatBytes } from "~/i18n";

type ResultFor = (form: string) => SubmissionResult<string[]> | undefined;

/** Jäv, then the assessment and the decision, for those who assess a proposal. */
export function AssessmentSection({ data, resultFor }: { data: StaffCaseView; resultFor: ResultFor }) {
  const { t } = useTranslation();
  const c = data.case;
  return (
    <section aria-labelledby="assessment-title">
      <h2 id="assessment-title">{t("assessment.title")}</h2>
      <ConflictPanel
        key={`conflict-${c.version}`}
        version={c.version}
        declared={data.declared}
        canStart={data.transitions.includes("startAssessment")}
      />
      {c.status === "in_assessment" && data.declared === "noConflict" ? (
        <>
          <AssessmentForm
            key={`assessment-${c.version}`}
            version={c.version}
            saved={data.assessment}
            lastResult={resultFor("assessment")}
          />
          <DecisionForm
            key={`decision-${c.version}`}
            version={c.version}
            requested={c.requestedSekPerYear}
            lastResult={resultFor("decision")}
          />
        </>
      ) : null}
    </section>
  );
}

/** The organisation's registration documents (statutes, annual report …), for the assessment. */
export function OrganisationDocuments({ data }: { data: StaffCaseView }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="org-documents-heading">
      <h2 id="org-documents-heading">{t("inbox.organisationDocuments")}</h2>
      {data.orgDocuments.length === 0 ? (
        <p className="muted">{t("org.noDocuments")}</p>
      ) : (
        <ul>
          {data.orgDocuments.map((d) => (
            <li key={d.id}>
              <a href={d.href} download>
                {d.title}
              </a>{" "}
              <span className="muted">
                ({t(`org.docKinds.${d.kind}`)}, {formatBytes(d.size)})
              </span>
            </li>
          ))}
        </ul>
      )}
      {data.organisation ? (
        <p>
          <Link to={`/organisation/${data.organisation.id}`}>{data.organisation.name}</Link>
        </p>
      ) : null}
    </section>
  );
}

/** Marks the case as holding secret information (its document titles are then withheld). */
export function ConfidentialForm({ confidential, version }: { confidential: boolean; version: number }) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="form">
      <input type="hidden" name="intent" value="setConfidential" />
      <div className="checkbox">
        <input
          type="checkbox"
          id="case-confidential"
          name="confidential"
          defaultChecked={confidential}
          key={`confidential-${version}`}
        />
        <label htmlFor="case-confidential">{t("cases.confidentialLabel")}</label>
      </div>
      <button type="submit" className="button button--secondary">
        {t("cases.confidentialSave")}
      </button>
    </Form>
  );
}
