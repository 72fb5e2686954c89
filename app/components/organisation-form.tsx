import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LEGAL_FORMS, SIGNING_RULES } from "#models/constants";
import type { OrganisationInput } from "~/domain/organisations/organisations.server";
import { organisationSchema } from "~/schemas/organisation";
import { ChoiceGroup, ErrorSummary, SelectField, TextAreaField, TextField } from "./forms";
import { useSchemaForm } from "./use-form";

/** The organisation as the page has it (strings only). */
export type OrganisationValues = Omit<OrganisationInput, "legalForm"> & { legalForm: string };

/** Register and edit share this form and its schema. */
export function OrganisationForm({
  lastResult,
  defaultValue,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: OrganisationValues;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const defaults = defaultValue
    ? {
        ...defaultValue,
        signatories: defaultValue.signatories.map((s) => (s.role ? `${s.name}, ${s.role}` : s.name)).join("\n"),
      }
    : undefined;
  const [form, fields] = useSchemaForm(
    organisationSchema,
    lastResult,
    "organisation",
    defaults ?? { signingRule: "alone" },
  );
  const formProps = getFormProps(form);
  return (
    <Form method="post" {...formProps} className="form">
      <input type="hidden" name="intent" value="saveOrganisation" />
      <ErrorSummary form={form} labelPrefix="org" />
      <TextField field={fields.name} label={t("org.name")} autoComplete="organization" />
      <TextField
        field={fields.orgNumber}
        label={t("org.orgNumber")}
        hint={t("org.orgNumberHint")}
        className="input--short"
      />
      <SelectField
        field={fields.legalForm}
        label={t("org.legalForm")}
        placeholder=""
        options={LEGAL_FORMS.map((value) => ({ value, label: String(t(`org.legalForms.${value}`)) }))}
      />
      <TextAreaField field={fields.purpose} label={t("org.purpose")} hint={t("org.purposeHint")} />
      <fieldset className="fieldset">
        <legend>{t("org.address")}</legend>
        <TextField field={fields.streetAddress} label={t("org.streetAddress")} autoComplete="street-address" optional />
        <div className="row">
          <TextField
            field={fields.postalCode}
            label={t("org.postalCode")}
            autoComplete="postal-code"
            className="input--short"
            optional
          />
          <TextField field={fields.city} label={t("org.city")} autoComplete="address-level2" optional />
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t("org.contact")}</legend>
        <TextField field={fields.email} label={t("org.orgEmail")} type="email" autoComplete="email" />
        <TextField field={fields.phone} label={t("org.phone")} type="tel" autoComplete="tel" optional />
        <TextField field={fields.website} label={t("org.website")} type="url" autoComplete="url" optional />
      </fieldset>
      <TextAreaField
        field={fields.signatories}
        label={t("org.signatories")}
        hint={t("org.signatoriesHint")}
        rows={3}
        optional
      />
      <ChoiceGroup
        field={fields.signingRule}
        type="radio"
        legend={t("org.signingRule")}
        options={SIGNING_RULES.map((value) => ({ value, label: t(`org.signingRules.${value}`) }))}
      />
      <button type="submit" className="button">
        {submitLabel}
      </button>
    </Form>
  );
}
