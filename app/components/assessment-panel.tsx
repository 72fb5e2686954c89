import { getFormProps, getInputProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { fieldErrorText } from "~/i18n";
import {
  deMinimisTotal,
  LEGAL_CHECKS,
  STATE_AID_BASES,
  SUITABILITY_CHECKS,
  type CheckKey,
} from "~/domain/cases/assessment";
import type { CasePageData } from "~/domain/casework/case-page.server";
import { formatDate, formatNumber, formatSek } from "~/i18n";
import { useLang } from "./root-data";
import { assessmentSchema, conflictSchema, decisionSchema } from "~/schemas/assessment";
import {
  AmountField,
  ChoiceGroup,
  choiceInputs,
  DateField,
  ErrorSummary,
  SelectField,
  TextAreaField,
  TextField,
} from "./forms";
import { useSchemaForm } from "./use-form";

export interface AssessmentData {
  checks: { key: string; answer: string; comment: string }[];
  stateAidBasis: string;
  otherDeMinimisSek: number;
  requestedSek: number;
  otherDeMinimisEur: number;
  requestedEur: number;
  rate: EurRateView | null;
  recommendation: string;
  recommendationText: string;
}

type Result = SubmissionResult<string[]> | undefined;
type EurRateView = { sekPerEur: number; date: string };

const rateFormat = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 4 });
const formatRate = (n: number) => rateFormat.format(n);

/** The jäv declaration (the first step), with its errors like every form; then "start the assessment". */
export function ConflictPanel({
  version,
  declared,
  canStart,
  lastResult,
}: {
  version: number;
  declared: "none" | "noConflict" | "conflict";
  canStart: boolean;
  lastResult: Result;
}) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(conflictSchema, lastResult, "conflict", {
    version: String(version),
    declaration: declared === "none" ? undefined : declared,
  });
  return (
    <section className="panel" aria-labelledby="conflict-heading">
      <h3 id="conflict-heading">{t("assessment.conflictHeading")}</h3>
      <p>{t("assessment.conflictLead")}</p>
      {declared === "noConflict" ? <p className="notice">{t("assessment.declaredNoConflict")}</p> : null}
      {declared === "conflict" ? <p className="notice notice--warning">{t("assessment.declaredConflict")}</p> : null}
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorSummary form={form} labelPrefix="assessment" />
        <input type="hidden" name="intent" value="declareConflict" />
        <input type="hidden" name={fields.version.name} value={version} />
        <ChoiceGroup
          field={fields.declaration}
          type="radio"
          legend={t("assessment.declaration")}
          options={(["noConflict", "conflict"] as const).map((value) => ({
            value,
            label: String(t(`assessment.declarations.${value}`)),
          }))}
        />
        <button type="submit" className="button button--secondary">
          {t("assessment.declare")}
        </button>
      </Form>
      {canStart && declared === "noConflict" ? (
        <Form method="post" className="form">
          <p>{t("assessment.startLead")}</p>
          <input type="hidden" name="intent" value="startAssessment" />
          <input type="hidden" name="version" value={version} />
          <button type="submit" className="button">
            {t("assessment.start")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}

export function AssessmentForm({
  version,
  saved,
  lastResult,
  eurRate,
  requestedPerYear,
}: {
  version: number;
  saved: AssessmentData | null;
  lastResult: Result;
  /** The rate a save converts at; null until an administrator sets one. */
  eurRate: EurRateView | null;
  requestedPerYear: number;
}) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const byKey = Object.fromEntries(
    (saved?.checks ?? []).map((c) => [c.key, { answer: c.answer || undefined, comment: c.comment }]),
  );
  const [form, fields] = useSchemaForm(assessmentSchema, lastResult, "assessment", {
    version: String(version),
    checks: byKey,
    stateAidBasis: saved?.stateAidBasis || undefined,
    otherDeMinimisSek: saved?.otherDeMinimisSek ? String(saved.otherDeMinimisSek) : "",
    // De minimis counts three years: until saved, three years of what the organisation asks for.
    requestedSek: saved ? String(saved.requestedSek || "") : requestedPerYear ? String(requestedPerYear * 3) : "",
    recommendation: saved?.recommendation || undefined,
    recommendationText: saved?.recommendationText ?? "",
  });
  const checks = fields.checks.getFieldset();
  const total = deMinimisTotal(
    saved?.otherDeMinimisEur ?? 0,
    saved?.requestedEur ?? 0,
    (saved?.stateAidBasis ?? "") as "",
  );
  const group = (keys: readonly CheckKey[], legendKey: string) => (
    <fieldset className="fieldset">
      <legend>{t(legendKey)}</legend>
      {keys.map((key) => {
        const check = checks[key].getFieldset();
        const { id, name, error, inputs } = choiceInputs(check.answer, "radio", ["yes", "no"]);
        const question = String(t(`assessment.checks.${key}`));
        return (
          <fieldset key={key} className={error ? "fieldset check field--error" : "fieldset check"} id={id}>
            <legend className="check__question">{question}</legend>
            {error ? (
              <p className="field__error" id={`${id}-error`}>
                {fieldErrorText(i18n, error, { name, label: question })}
              </p>
            ) : null}
            <div className="row">
              {inputs.map((props) => (
                <div className="checkbox" key={props.value}>
                  <input {...props} />
                  <label htmlFor={props.id}>{t(`assessment.answers.${props.value}`)}</label>
                </div>
              ))}
            </div>
            <TextAreaField field={check.comment} label={t("assessment.comment")} rows={2} optional />
          </fieldset>
        );
      })}
    </fieldset>
  );
  return (
    <section className="panel panel--internal" aria-labelledby="assessment-heading">
      <h3 id="assessment-heading">{t("assessment.formHeading")}</h3>
      <p>{t("assessment.formLead")}</p>
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorSummary form={form} labelPrefix="assessment" />
        <input type="hidden" name="intent" value="saveAssessment" />
        <input type="hidden" name="version" value={version} />
        {group(SUITABILITY_CHECKS, "assessment.suitability")}
        {group(LEGAL_CHECKS, "assessment.legal")}
        <SelectField
          field={fields.stateAidBasis}
          label={t("assessment.stateAidBasis")}
          placeholder=""
          options={STATE_AID_BASES.map((b) => ({ value: b, label: String(t(`assessment.stateAidBases.${b}`)) }))}
        />
        <AmountField field={fields.otherDeMinimisSek} label={t("assessment.otherDeMinimisSek")} optional />
        <TextField
          field={fields.requestedSek}
          label={t("assessment.requestedSek")}
          hint={t("assessment.requestedSekHint", { perYear: formatSek(requestedPerYear) })}
          type="number"
          className="input--short"
          optional
        />
        {eurRate ? (
          <p className="muted">
            {t("assessment.rate", { rate: formatRate(eurRate.sekPerEur), date: formatDate(eurRate.date, lang) })}
          </p>
        ) : (
          <p className="notice notice--warning">{t("assessment.noRate")}</p>
        )}
        {saved?.rate ? (
          <p className={total.withinCeiling ? "muted" : "notice notice--warning"}>
            {t("assessment.deMinimisTotal", {
              total: formatNumber(total.total),
              totalSek: formatSek(saved.otherDeMinimisSek + saved.requestedSek),
              ceiling: formatNumber(total.ceiling),
              rate: formatRate(saved.rate.sekPerEur),
              date: formatDate(saved.rate.date, lang),
            })}{" "}
            {total.withinCeiling || saved.stateAidBasis !== "deMinimis" ? "" : t("assessment.overCeiling")}
          </p>
        ) : null}
        <SelectField
          field={fields.recommendation}
          label={t("assessment.recommendation")}
          placeholder=""
          options={(["approve", "decline"] as const).map((r) => ({
            value: r,
            label: String(t(`assessment.recommendations.${r}`)),
          }))}
        />
        <TextAreaField field={fields.recommendationText} label={t("assessment.recommendationText")} rows={3} optional />
        <button type="submit" className="button button--secondary">
          {t("assessment.save")}
        </button>
      </Form>
    </section>
  );
}

/** The saved assessment to read (the form opens with "Ändra bedömningen"). */
export function AssessmentView({ saved }: { saved: AssessmentData }) {
  const { t } = useTranslation();
  const byKey = new Map(saved.checks.map((c) => [c.key, c]));
  const group = (keys: readonly CheckKey[], legendKey: string) => (
    <>
      <h4>{t(legendKey)}</h4>
      <ul className="plain-list">
        {keys.map((key) => {
          const check = byKey.get(key);
          return (
            <li key={key}>
              {t(`assessment.checks.${key}`)}{" "}
              <strong>{check?.answer ? t(`assessment.answers.${check.answer}`) : "–"}</strong>
              {check?.comment ? <span className="muted"> – {check.comment}</span> : null}
            </li>
          );
        })}
      </ul>
    </>
  );
  return (
    <section className="panel panel--internal" aria-labelledby="assessment-saved-heading">
      <h3 id="assessment-saved-heading">{t("assessment.savedHeading")}</h3>
      {group(SUITABILITY_CHECKS, "assessment.suitability")}
      {group(LEGAL_CHECKS, "assessment.legal")}
      <dl className="facts">
        <dt>{t("assessment.stateAidBasis")}</dt>
        <dd>{saved.stateAidBasis ? t(`assessment.stateAidBases.${saved.stateAidBasis}`) : "–"}</dd>
        <dt>{t("assessment.recommendation")}</dt>
        <dd>{saved.recommendation ? t(`assessment.recommendations.${saved.recommendation}`) : "–"}</dd>
        {saved.recommendationText ? (
          <>
            <dt>{t("assessment.recommendationText")}</dt>
            <dd className="pre-line">{saved.recommendationText}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

export function DecisionForm({
  version,
  lastResult,
  requested,
}: {
  version: number;
  lastResult: Result;
  requested: number;
}) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(decisionSchema, lastResult, "decision", {
    version: String(version),
    decidedBy: "committee",
    contributionPerYearSek: requested ? String(requested) : "",
  });
  return (
    <section className="panel" aria-labelledby="decision-heading">
      <h3 id="decision-heading">{t("assessment.decisionHeading")}</h3>
      <p>{t("assessment.decisionLead")}</p>
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorSummary form={form} labelPrefix="assessment" />
        <input type="hidden" name="intent" value="decide" />
        <input type="hidden" name="version" value={version} />
        <ChoiceGroup
          field={fields.outcome}
          type="radio"
          legend={t("assessment.outcome")}
          options={(["approved", "declined"] as const).map((o) => ({
            value: o,
            label: String(t(`assessment.outcomes.${o}`)),
          }))}
        />
        <SelectField
          field={fields.decidedBy}
          label={t("assessment.decidedBy")}
          options={(["committee", "delegation"] as const).map((d) => ({
            value: d,
            label: String(t(`assessment.decidedByOptions.${d}`)),
          }))}
        />
        <TextField field={fields.decisionMakerName} label={t("assessment.decisionMakerName")} />
        <TextField field={fields.delegationRef} label={t("assessment.delegationRef")} optional />
        <div className="row">
          <DateField field={fields.decisionDate} label={t("assessment.decisionDate")} />
          <TextField
            field={fields.protocolRef}
            label={t("assessment.protocolRef")}
            hint={t("assessment.protocolRefHint")}
            className="input--short"
          />
        </div>
        <TextAreaField field={fields.justification} label={t("assessment.justification")} rows={4} />
        <TextField
          field={fields.contributionPerYearSek}
          label={t("assessment.contributionPerYearSek")}
          type="number"
          className="input--short"
          optional
        />
        <div className={fields.decisionMakerHasNoConflict.errors?.length ? "field field--error" : "field"}>
          {fields.decisionMakerHasNoConflict.errors?.[0] ? (
            <p className="field__error">{t(fields.decisionMakerHasNoConflict.errors[0])}</p>
          ) : null}
          <div className="checkbox">
            <input {...getInputProps(fields.decisionMakerHasNoConflict, { type: "checkbox" })} />
            <label htmlFor={fields.decisionMakerHasNoConflict.id}>{t("assessment.decisionMakerHasNoConflict")}</label>
          </div>
        </div>
        <button type="submit" className="button">
          {t("assessment.record")}
        </button>
      </Form>
    </section>
  );
}

/** The decision as the organisation and staff see it. */
export function DecisionView({ decision }: { decision: NonNullable<CasePageData["decision"]> }) {
  const { t } = useTranslation();
  return (
    <section
      className={decision.outcome === "approved" ? "panel decision decision--ok" : "panel decision"}
      aria-labelledby="decision-view"
    >
      <h2 id="decision-view">
        {t("assessment.decisionShown", {
          date: decision.decisionDate,
          outcome: t(`assessment.outcomes.${decision.outcome}`),
        })}
      </h2>
      <p>
        {t("assessment.decisionBy", {
          name: decision.decisionMakerName,
          ref: [decision.protocolRef, decision.delegationRef].filter(Boolean).join(", "),
        })}
      </p>
      <p className="pre-line">{decision.justification}</p>
      {decision.outcome === "approved" && decision.contributionPerYearSek ? (
        <p>
          {t("assessment.contributionPerYearSek")}: {formatSek(decision.contributionPerYearSek)}
        </p>
      ) : null}
    </section>
  );
}
