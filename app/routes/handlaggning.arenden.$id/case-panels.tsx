import type { SubmissionResult } from "@conform-to/react";
import { Form, useSearchParams } from "@remix-run/react";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";
import { AssessmentForm, AssessmentView, ConflictPanel, DecisionForm } from "~/components/assessment-panel";
import type { StaffCaseView } from "~/domain/casework/case-page.server";
import { formatBytes } from "~/i18n";

type ResultFor = (form: string) => SubmissionResult<string[]> | undefined;

type Step = "conflict" | "assessment" | "decision";
type StepState = "done" | "current" | "todo" | "blocked";
const STEP_PARAM: Record<Step, string> = { conflict: "jav", assessment: "bedomning", decision: "beslut" };

/** Where the assessor stands: jäv → assessment → decision, each done, current, still to come or blocked. */
function stepStates(data: StaffCaseView): Record<Step, StepState> {
  const c = data.case;
  const conflict: StepState =
    data.declared === "noConflict" ? "done" : data.declared === "conflict" ? "blocked" : "current";
  const assessed = Boolean(data.assessment?.recommendation);
  const assessment: StepState =
    conflict !== "done" || c.status !== "in_assessment" ? "todo" : assessed ? "done" : "current";
  const decision: StepState = data.decision ? "done" : assessment === "done" ? "current" : "todo";
  return { conflict, assessment, decision };
}

/**
 * The assessor's work one step at a time: the sequence with each step's state, and only the
 * form of the current step (or of a finished one chosen again, `?steg=bedomning`).
 */
export function AssessmentSteps({ data, resultFor }: { data: StaffCaseView; resultFor: ResultFor }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const c = data.case;
  const states = stepStates(data);
  const steps = Object.keys(states) as Step[];
  const asked = steps.find((s) => STEP_PARAM[s] === params.get("steg") && states[s] === "done" && s !== "decision");
  const failed = steps.find((s) => resultFor(s === "conflict" ? "conflict" : s));
  const shown = failed ?? asked ?? steps.find((s) => states[s] === "current");
  return (
    <section aria-labelledby="assessment-title" className="panel">
      <h2 id="assessment-title">{t("assessment.title")}</h2>
      <ol className="step-sequence">
        {steps.map((s) => (
          <li key={s} className={`step-sequence__item step-sequence__item--${states[s]}`}>
            <span className="step-sequence__name">{t(`assessment.steps.${s}`)}</span>{" "}
            <span className="step-sequence__state">{t(`assessment.stepStates.${states[s]}`)}</span>
            {states[s] === "done" && s === "assessment" && shown !== "assessment" ? (
              <>
                {" "}
                <AppLink to={`?steg=${STEP_PARAM[s]}`}>{t("assessment.editAssessment")}</AppLink>
              </>
            ) : null}
          </li>
        ))}
      </ol>
      {shown === "conflict" || (states.conflict === "done" && c.status === "in_dialogue") ? (
        <ConflictPanel
          key={`conflict-${c.version}`}
          version={c.version}
          declared={data.declared}
          canStart={data.transitions.includes("startAssessment")}
          lastResult={resultFor("conflict")}
        />
      ) : null}
      {states.assessment === "done" && shown !== "assessment" && data.assessment ? (
        <AssessmentView saved={data.assessment} />
      ) : null}
      {shown === "assessment" ? (
        <AssessmentForm
          key={`assessment-${c.version}`}
          version={c.version}
          saved={data.assessment}
          eurRate={data.eurRate}
          requestedPerYear={c.requestedSekPerYear ?? 0}
          lastResult={resultFor("assessment")}
        />
      ) : null}
      {shown === "decision" ? (
        <DecisionForm
          key={`decision-${c.version}`}
          version={c.version}
          requested={c.requestedSekPerYear ?? 0}
          lastResult={resultFor("decision")}
        />
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
          <AppLink to={`/organisation/${data.organisation.id}`}>{data.organisation.name}</AppLink>
        </p>
      ) : null}
    </section>
  );
}

/**
 * Marks the case as holding secret information (its document titles are then withheld, and the
 * public register shows only its number, organisation and status until its title and summary
 * are cleared for publication).
 */
export function ConfidentialForm({
  confidential,
  publicationCleared,
  version,
}: {
  confidential: boolean;
  publicationCleared: boolean;
  version: number;
}) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="form">
      <input type="hidden" name="intent" value="setConfidential" />
      {(
        [
          ["confidential", confidential, "cases.confidentialLabel"],
          ["publicationCleared", publicationCleared, "cases.publicationClearedLabel"],
        ] as const
      ).map(([name, checked, label]) => (
        <div className="checkbox" key={`${name}-${version}`}>
          <input
            type="checkbox"
            id={`case-${name}`}
            name={name}
            defaultChecked={checked}
            aria-describedby={name === "publicationCleared" ? "case-publication-cleared-hint" : undefined}
          />
          <label htmlFor={`case-${name}`}>{t(label)}</label>
        </div>
      ))}
      <p className="hint" id="case-publication-cleared-hint">
        {t("cases.publicationClearedHint")}
      </p>
      <button type="submit" className="button button--secondary">
        {t("cases.confidentialSave")}
      </button>
    </Form>
  );
}
