import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form, useSubmit } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ChoiceGroup, ErrorSummary, SelectField, TextAreaField } from "~/components/forms";
import { CollapsiblePanel } from "~/components/layout";
import { useSchemaForm } from "~/components/use-form";
import type { StaffCaseView } from "~/domain/casework/case-page.server";
import { reassignSchema } from "~/schemas/dialogue";
import { routeSchema } from "~/schemas/proposal";

type Routing = NonNullable<StaffCaseView["routing"]>;
type Result = SubmissionResult<string[]> | undefined;

/**
 * The department, inside the routing form: what is posted is the department shown. Its button
 * (and, with JavaScript, a change of the choice) reloads the page with that department's
 * officers; routing with an officer of another department lists the chosen one's instead.
 */
function DepartmentChooser({ routing, id, name }: { routing: Routing; id: string; name: string }) {
  const { t } = useTranslation();
  const submit = useSubmit();
  return (
    <div className="department-chooser">
      <div className="field">
        <label htmlFor={id} className="field__label">
          {t("inbox.department")}
        </label>
        <select
          id={id}
          name={name}
          className="input"
          defaultValue={routing.chosen}
          onChange={(e) =>
            submit({ forvaltning: e.currentTarget.value }, { method: "get", preventScrollReset: true, replace: true })
          }
        >
          {routing.departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.suggested ? `${d.name} (${String(t("inbox.suggested"))})` : d.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" name="intent" value="showOfficers" className="button button--secondary">
        {t("inbox.showOfficers")}
      </button>
    </div>
  );
}

/** The officers of the chosen department, or why there are none. */
function OfficerSelect({ routing, field }: { routing: Routing; field: Parameters<typeof SelectField>[0]["field"] }) {
  const { t } = useTranslation();
  if (routing.officers.length === 0) {
    return <p className="notice notice--warning">{t("inbox.noOfficers")}</p>;
  }
  return (
    <SelectField
      field={field}
      label={t("inbox.officer")}
      options={routing.officers.map((o) => ({ value: o.id, label: o.name }))}
    />
  );
}

/** The office routes a submitted case: department (suggested by area), one of its officers, co-readers. */
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
  const [form, fields] = useSchemaForm(routeSchema, lastResult, "route", {
    version: String(version),
    departmentId: routing.chosen,
    officerId: routing.officers[0]?.id,
  });
  return (
    <section className="panel" aria-labelledby="route-heading">
      <h2 id="route-heading">{t("inbox.route")}</h2>
      <p>{t("inbox.routeLead")}</p>
      <Form method="post" {...getFormProps(form)} className="form" preventScrollReset>
        <ErrorSummary form={form} labelPrefix="inbox" />
        <input type="hidden" name={fields.version.name} value={version} />
        <DepartmentChooser routing={routing} id="route-department" name={fields.departmentId.name} />
        <OfficerSelect routing={routing} field={fields.officerId} />
        <ChoiceGroup
          field={fields.coReaderDepartmentIds}
          type="checkbox"
          legend={t("inbox.coReaders")}
          options={routing.departments
            .filter((d) => d.id !== routing.chosen)
            .map((d) => ({ value: d.id, label: d.name }))}
        />
        <button type="submit" name="intent" value="route" className="button" disabled={routing.officers.length === 0}>
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
  open,
}: {
  routing: Routing;
  version: number;
  lastResult: Result;
  open: boolean;
}) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(reassignSchema, lastResult, "reassign", {
    officerId: routing.officers.find((o) => !o.current)?.id ?? routing.officers[0]?.id,
  });
  return (
    <CollapsiblePanel open={open || Boolean(lastResult)} title={t("dialogue.reassignHeading")}>
      <p>{t("dialogue.reassignLead")}</p>
      <Form method="post" {...getFormProps(form)} className="form" preventScrollReset>
        <ErrorSummary form={form} labelPrefix="dialogue.fields" />
        <input type="hidden" name="version" value={version} />
        <DepartmentChooser routing={routing} id="reassign-department" name={fields.departmentId.name} />
        <OfficerSelect routing={routing} field={fields.officerId} />
        <TextAreaField field={fields.reason} label={t("dialogue.fields.reason")} rows={2} />
        <button
          type="submit"
          name="intent"
          value="reassign"
          className="button button--secondary"
          disabled={routing.officers.length === 0}
        >
          {t("dialogue.reassign")}
        </button>
      </Form>
    </CollapsiblePanel>
  );
}
