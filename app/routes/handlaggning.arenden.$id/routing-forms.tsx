import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ChoiceGroup, ErrorSummary, SelectField, TextAreaField } from "~/components/forms";
import { CollapsiblePanel } from "~/components/layout";
import { useSchemaForm } from "~/components/use-form";
import type { StaffCaseView } from "~/domain/cases/case-page.server";
import { reassignSchema } from "~/schemas/dialogue";
import { routeSchema } from "~/schemas/proposal";

type Routing = NonNullable<StaffCaseView["routing"]>;
type Result = SubmissionResult<string[]> | undefined;

/** The office routes a submitted case: department (suggested by area), officer, co-readers. */
export function RoutingForm({
  routing,
  version,
  lastResult,
}: {
  routing: Routing;
  version: number;
  lastResult: Result;
}) {
  const { t } = useTranslation();
  const suggested = routing.departments.find((d) => d.suggested);
  const [form, fields] = useSchemaForm(routeSchema, lastResult, "route", {
    version: String(version),
    departmentId: suggested?.id,
  });
  const deptName = (id: string) => routing.departments.find((d) => d.id === id)?.name ?? "";
  return (
    <section className="panel" aria-labelledby="route-heading">
      <h2 id="route-heading">{t("inbox.route")}</h2>
      <p>{t("inbox.routeLead")}</p>
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorSummary form={form} labelPrefix="inbox" />
        <input type="hidden" name="intent" value="route" />
        <input type="hidden" name={fields.version.name} value={version} />
        <SelectField
          field={fields.departmentId}
          label={t("inbox.department")}
          placeholder=""
          options={routing.departments.map((d) => ({
            value: d.id,
            label: d.suggested ? `${d.name} (${String(t("inbox.suggested"))})` : d.name,
          }))}
        />
        <SelectField
          field={fields.officerId}
          label={t("inbox.officer")}
          placeholder=""
          options={routing.officers.map((o) => ({
            value: o.id,
            label: `${o.name}${o.departmentIds.length ? ` – ${o.departmentIds.map(deptName).join(", ")}` : ` (${String(t(`roles.${o.role}`))})`}`,
          }))}
        />
        <ChoiceGroup
          field={fields.coReaderDepartmentIds}
          type="checkbox"
          legend={t("inbox.coReaders")}
          options={routing.departments.map((d) => ({ value: d.id, label: d.name }))}
        />
        <button type="submit" className="button">
          {t("inbox.route")}
        </button>
      </Form>
    </section>
  );
}

/** Hands a routed case to another department or officer, with the reason (shown in the trail). */
export function ReassignPanel({
  routing,
  version,
  lastResult,
}: {
  routing: Routing;
  version: number;
  lastResult: Result;
}) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(reassignSchema, lastResult, "reassign");
  return (
    <CollapsiblePanel open={Boolean(lastResult)} title={t("dialogue.reassignHeading")}>
      <p>{t("dialogue.reassignLead")}</p>
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorSummary form={form} labelPrefix="dialogue.fields" />
        <input type="hidden" name="intent" value="reassign" />
        <input type="hidden" name="version" value={version} />
        <SelectField
          field={fields.departmentId}
          label={t("inbox.department")}
          placeholder=""
          options={routing.departments.map((d) => ({ value: d.id, label: d.name }))}
        />
        <SelectField
          field={fields.officerId}
          label={t("inbox.officer")}
          placeholder=""
          options={routing.officers.map((o) => ({ value: o.id, label: o.name }))}
        />
        <TextAreaField field={fields.reason} label={t("dialogue.fields.reason")} rows={2} />
        <button type="submit" className="button button--secondary">
          {t("dialogue.reassign")}
        </button>
      </Form>
    </CollapsiblePanel>
  );
}
