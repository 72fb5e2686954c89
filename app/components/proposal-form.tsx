import { getFormProps, getInputProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CASE_AREAS } from "#models/constants";
import type { CasePageData } from "~/domain/cases/case-page.server";
import { draftSchema } from "~/schemas/proposal";
import { ChoiceGroup, ErrorSummary, TextAreaField, TextField } from "./forms";
import { useSchemaForm } from "./use-form";

type CaseData = CasePageData["case"];

/** The idea or proposal form: saved as a draft at any time, submitted when complete. */
export function ProposalForm({ c, lastResult }: { c: CaseData; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation();
  const f = (key: string) => String(t(`cases.fields.${key}`));
  const [form, fields] = useSchemaForm(draftSchema, lastResult, "proposal", {
    version: String(c.version),
    title: c.title,
    summary: c.summary,
    need: c.need,
    targetGroup: c.targetGroup,
    activities: c.activities,
    periodStart: c.periodStart,
    periodEnd: c.periodEnd,
    areas: c.areas,
    generalInterest: c.generalInterest,
    municipalGoal: c.municipalGoal,
    addedValue: c.addedValue,
    ownContributionDescription: c.ownContributionDescription,
    ownContributionSek: c.ownContributionSek ? String(c.ownContributionSek) : "",
    volunteerHoursPerYear: c.volunteerHoursPerYear ? String(c.volunteerHoursPerYear) : "",
    ownContributionInKind: c.ownContributionInKind,
    requestedSekPerYear: c.requestedSekPerYear ? String(c.requestedSekPerYear) : "",
    requestedInKind: c.requestedInKind,
    goals: c.goals.map((g) => (g.indicator ? `${g.goal}; ${g.indicator}` : g.goal)).join("\n"),
    contactName: c.contactName,
    contactEmail: c.contactEmail,
    contactPhone: c.contactPhone,
    partnerOrganisations: c.partnerOrganisations,
    wantsMeeting: c.wantsMeeting ? "on" : undefined,
  });
  const idea = c.kind === "idea";
  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <ErrorSummary form={form} labelPrefix="cases.fields" />
      <input type="hidden" name={fields.version.name} value={c.version} />
      <TextField field={fields.title} label={t("cases.title")} hint={t("cases.titleHint")} />
      <TextAreaField
        field={fields.summary}
        label={idea ? f("summaryIdea") : f("summary")}
        hint={idea ? t("cases.hints.summaryIdea") : undefined}
      />
      <ChoiceGroup
        field={fields.areas}
        type="checkbox"
        legend={f("areas")}
        className="checkbox-grid"
        options={CASE_AREAS.map((a) => ({ value: a, label: String(t(`cases.areas.${a}`)) }))}
      />
      {idea ? (
        <div className="checkbox">
          <input {...getInputProps(fields.wantsMeeting, { type: "checkbox" })} />
          <label htmlFor={fields.wantsMeeting.id}>{f("wantsMeeting")}</label>
        </div>
      ) : (
        <>
          <TextAreaField field={fields.need} label={f("need")} />
          <TextAreaField field={fields.targetGroup} label={f("targetGroup")} rows={3} />
          <TextAreaField field={fields.activities} label={f("activities")} />
          <fieldset className="fieldset">
            <legend>{f("period")}</legend>
            <div className="row">
              <TextField
                field={fields.periodStart}
                label={f("periodStart")}
                hint={t("cases.hints.date")}
                className="input--short"
              />
              <TextField
                field={fields.periodEnd}
                label={f("periodEnd")}
                hint={t("cases.hints.date")}
                className="input--short"
              />
            </div>
          </fieldset>
          <TextAreaField
            field={fields.generalInterest}
            label={f("generalInterest")}
            hint={t("cases.hints.generalInterest")}
            rows={3}
          />
          <TextAreaField field={fields.municipalGoal} label={f("municipalGoal")} rows={3} optional />
          <TextAreaField field={fields.addedValue} label={f("addedValue")} rows={3} />
          <fieldset className="fieldset">
            <legend>{f("ownContribution")}</legend>
            <TextAreaField field={fields.ownContributionDescription} label={f("ownContributionDescription")} rows={3} />
            <div className="row">
              <TextField
                field={fields.ownContributionSek}
                label={f("ownContributionSek")}
                hint={t("cases.hints.sek")}
                type="number"
                className="input--short"
                optional
              />
              <TextField
                field={fields.volunteerHoursPerYear}
                label={f("volunteerHoursPerYear")}
                type="number"
                className="input--short"
                optional
              />
            </div>
            <TextAreaField field={fields.ownContributionInKind} label={f("ownContributionInKind")} rows={2} optional />
          </fieldset>
          <fieldset className="fieldset">
            <legend>{f("requested")}</legend>
            <TextField
              field={fields.requestedSekPerYear}
              label={f("requestedSekPerYear")}
              hint={t("cases.hints.sek")}
              type="number"
              className="input--short"
              optional
            />
            <TextAreaField field={fields.requestedInKind} label={f("requestedInKind")} rows={2} optional />
          </fieldset>
          <TextAreaField field={fields.goals} label={f("goals")} hint={t("cases.hints.goals")} rows={4} />
          <TextAreaField field={fields.partnerOrganisations} label={f("partnerOrganisations")} rows={2} optional />
        </>
      )}
      <fieldset className="fieldset">
        <legend>{f("contact")}</legend>
        <TextField field={fields.contactName} label={f("contactName")} autoComplete="name" />
        <TextField field={fields.contactEmail} label={f("contactEmail")} type="email" autoComplete="email" />
        <TextField field={fields.contactPhone} label={f("contactPhone")} type="tel" autoComplete="tel" optional />
      </fieldset>
      {/* "Save" comes first: pressing Enter in a field saves, it never submits by accident. */}
      <div className="button-row">
        <button type="submit" name="intent" value="save" className="button button--secondary">
          {t("cases.saveDraft")}
        </button>
        <button type="submit" name="intent" value="submit" className="button">
          {t("cases.submit")}
        </button>
      </div>
    </Form>
  );
}
