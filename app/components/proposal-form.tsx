import { getFormProps, getInputProps, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";
import { CASE_AREAS } from "#models/constants";
import type { CasePageData } from "~/domain/casework/case-page.server";
import type { ProposalSection } from "~/domain/cases/proposal-sections";
import { draftSchema, sectionSchema } from "~/schemas/proposal";
import { AmountField, ChoiceGroup, DateField, ErrorSummary, TextAreaField, TextField } from "./forms";
import { useSchemaForm } from "./use-form";

type CaseData = CasePageData["case"];
type Fields = ReturnType<typeof useSchemaForm<typeof sectionSchema>>[1];
// The idea form and a section form share these fields; each form has its own shape.
type Field<T = string | undefined> = FieldMetadata<T, Record<string, unknown>, string[]>;

/** The saved content as the form's strings (an amount never answered stays empty). */
function formValues(c: CaseData) {
  const amount = (n: number | null, zeroIsAnswer = false) =>
    n === null || (n === 0 && !zeroIsAnswer) ? "" : String(n);
  return {
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
    ownContributionSek: amount(c.ownContributionSek),
    volunteerHoursPerYear: amount(c.volunteerHoursPerYear),
    ownContributionInKind: c.ownContributionInKind,
    requestedSekPerYear: amount(c.requestedSekPerYear, true),
    requestedInKind: c.requestedInKind,
    goals: c.goals.map((g) => (g.indicator ? `${g.goal}; ${g.indicator}` : g.goal)).join("\n"),
    contactName: c.contactName,
    contactEmail: c.contactEmail,
    contactPhone: c.contactPhone,
    partnerOrganisations: c.partnerOrganisations,
  };
}

function useFieldLabel() {
  const { t } = useTranslation();
  return (key: string) => String(t(`cases.fields.${key}`));
}

/** Title, summary and areas: the start of an idea and of a proposal's first section. */
function AboutFields({
  fields,
  idea,
}: {
  fields: { title: Field; summary: Field; areas: Field<string[] | undefined> };
  idea: boolean;
}) {
  const { t } = useTranslation();
  const f = useFieldLabel();
  return (
    <>
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
    </>
  );
}

function ContactFields({ fields }: { fields: { contactName: Field; contactEmail: Field; contactPhone: Field } }) {
  const f = useFieldLabel();
  return (
    <>
      <TextField field={fields.contactName} label={f("contactName")} autoComplete="name" />
      <TextField field={fields.contactEmail} label={f("contactEmail")} type="email" autoComplete="email" />
      <TextField field={fields.contactPhone} label={f("contactPhone")} type="tel" autoComplete="tel" optional />
    </>
  );
}

/** The idea form: saved as a draft at any time, submitted when complete. */
export function IdeaForm({ c, lastResult }: { c: CaseData; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation();
  const f = useFieldLabel();
  const [form, fields] = useSchemaForm(draftSchema, lastResult, "proposal", {
    ...formValues(c),
    wantsMeeting: c.wantsMeeting ? "on" : undefined,
  });
  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <ErrorSummary form={form} labelPrefix="cases.fields" />
      <input type="hidden" name={fields.version.name} value={c.version} />
      <AboutFields fields={fields} idea />
      <div className="checkbox">
        <input {...getInputProps(fields.wantsMeeting, { type: "checkbox" })} />
        <label htmlFor={fields.wantsMeeting.id}>{f("wantsMeeting")}</label>
      </div>
      <fieldset className="fieldset">
        <legend>{f("contact")}</legend>
        <ContactFields fields={fields} />
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

function SectionFields({ section, fields }: { section: ProposalSection; fields: Fields }) {
  const { t } = useTranslation();
  const f = useFieldLabel();
  switch (section) {
    case "activity":
      return (
        <>
          <AboutFields fields={fields} idea={false} />
          <TextAreaField field={fields.need} label={f("need")} />
          <TextAreaField field={fields.targetGroup} label={f("targetGroup")} rows={3} />
          <TextAreaField field={fields.activities} label={f("activities")} />
          <fieldset className="fieldset">
            <legend>{f("period")}</legend>
            <div className="row">
              <DateField field={fields.periodStart} label={f("periodStart")} />
              <DateField field={fields.periodEnd} label={f("periodEnd")} />
            </div>
          </fieldset>
          <TextAreaField field={fields.partnerOrganisations} label={f("partnerOrganisations")} rows={2} optional />
        </>
      );
    case "goals":
      return (
        <>
          <TextAreaField
            field={fields.generalInterest}
            label={f("generalInterest")}
            hint={t("cases.hints.generalInterest")}
            rows={3}
          />
          <TextAreaField field={fields.municipalGoal} label={f("municipalGoal")} rows={3} optional />
          <TextAreaField field={fields.addedValue} label={f("addedValue")} rows={3} />
          <TextAreaField field={fields.goals} label={f("goals")} hint={t("cases.hints.goals")} rows={4} />
        </>
      );
    case "contributions":
      return (
        <>
          <fieldset className="fieldset">
            <legend>{f("ownContribution")}</legend>
            <TextAreaField field={fields.ownContributionDescription} label={f("ownContributionDescription")} rows={3} />
            <div className="row">
              <AmountField field={fields.ownContributionSek} label={f("ownContributionSek")} optional />
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
            <AmountField field={fields.requestedSekPerYear} label={f("requestedSekPerYear")} />
            <TextAreaField field={fields.requestedInKind} label={f("requestedInKind")} rows={2} optional />
          </fieldset>
        </>
      );
    case "contact":
      return <ContactFields fields={fields} />;
    case "attachments":
      return null;
  }
}

/**
 * One section of the full proposal, ending with GOV.UK's "Have you completed this section?":
 * "yes" needs the section's required fields, "no" saves whatever is written.
 */
export function SectionForm({
  c,
  section,
  lastResult,
}: {
  c: CaseData;
  section: ProposalSection;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const f = useFieldLabel();
  const [form, fields] = useSchemaForm(sectionSchema, lastResult, "section", {
    ...formValues(c),
    complete: c.completedSections.includes(section) ? "yes" : undefined,
  });
  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <ErrorSummary form={form} labelPrefix="cases.fields" />
      <input type="hidden" name={fields.version.name} value={c.version} />
      <SectionFields section={section} fields={fields} />
      <ChoiceGroup
        field={fields.complete}
        type="radio"
        legend={f("complete")}
        options={[
          { value: "yes", label: String(t("cases.complete.yes")) },
          { value: "no", label: String(t("cases.complete.no")) },
        ]}
      />
      <button type="submit" className="button">
        {t("cases.complete.button")}
      </button>
    </Form>
  );
}

const STATUS_TONE = { notStarted: "neutral", inProgress: "info", done: "ok", optional: "neutral" } as const;

/** The proposal's sections with their status, and the way on to checking and submitting. */
export function ProposalTaskList({ caseId, sections }: { caseId: string; sections: CasePageData["sections"] }) {
  const { t } = useTranslation();
  // An optional section left empty is neither counted nor in the way.
  const required = sections.filter((s) => s.status !== "optional");
  const done = required.filter((s) => s.status === "done").length;
  return (
    <section aria-labelledby="tasks-heading">
      <h2 id="tasks-heading">{t("cases.tasks.title")}</h2>
      <p>{t("cases.tasks.lead")}</p>
      <p>
        <strong>{t("cases.tasks.progress", { done, total: required.length })}</strong>
      </p>
      <ul className="section-tasks">
        {sections.map((s) => (
          <li key={s.section} className="section-tasks__item">
            <AppLink
              to={`/forslag/${caseId}/del/${s.slug}`}
              className="section-tasks__name"
              aria-describedby={`task-${s.section}`}
            >
              {t(`cases.sections.${s.section}`)}
            </AppLink>
            <span id={`task-${s.section}`} className={`badge badge--${STATUS_TONE[s.status]}`}>
              {t(`cases.sectionStatus.${s.status}`)}
            </span>
          </li>
        ))}
      </ul>
      {done === required.length ? (
        <AppLink to={`/forslag/${caseId}/granska`} className="button">
          {t("cases.tasks.review")}
        </AppLink>
      ) : (
        <p className="muted">{t("cases.tasks.notReady")}</p>
      )}
    </section>
  );
}
