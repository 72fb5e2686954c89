import { getCollectionProps, getFormProps, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CaseContent, CaseSummary, DocumentList, Timeline } from "~/components/case";
import { ErrorSummary, SelectField } from "~/components/forms";
import { PageHeading } from "~/components/layout";
import { useSchemaForm } from "~/components/use-form";
import { casePageData, loadCaseFor } from "~/domain/case-access.server";
import { caseErrorResponse } from "~/domain/case-errors.server";
import { invalid, parseForm } from "~/domain/forms.server";
import { listOfficers, routeCase, RoutingError, suggestDepartments } from "~/domain/proposals.server";
import { badRequest } from "~/domain/request.server";
import { redirectWithToast } from "~/domain/session.server";
import { routeSchema } from "~/schemas/proposal";

// Reload the case after every post, also a refused one (400/409): the draft may have been
// saved, or someone else changed the case, and the page must show the current version.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod === "POST" ? true : defaultShouldRevalidate;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.case.caseNumber ?? ""} ${data?.case.title ?? ""} – Samverka` },
];

async function loadStaffCase(request: Request, id: string | undefined) {
  const ctx = await loadCaseFor(request, id);
  // The organisation's own members use /forslag/:id; politicians have no case pages.
  if (!["coordinator", "officer", "admin"].includes(ctx.actor)) throw new Response("Sidan finns inte", { status: 404 });
  return ctx;
}

/** The case page of the civil-society office and the officers. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { c, actor } = await loadStaffCase(request, params.id);
  const data = await casePageData(c, { staff: true, actor });
  const routing = data.transitions.includes("route")
    ? {
        departments: (await suggestDepartments(c)).map((d, i) => ({
          id: String(d._id),
          name: d.name,
          suggested: i === 0 && d.areas.some((a) => c.areas.includes(a)),
        })),
        officers: await listOfficers(c.publicBodyId),
      }
    : null;
  return { ...data, routing };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { c, user } = await loadStaffCase(request, params.id);
  const formData = await request.formData();
  const here = `/handlaggning/arenden/${String(c._id)}`;
  if (formData.get("intent") !== "route") return badRequest();
  const submission = parseForm(formData, routeSchema);
  if (submission.status !== "success") return invalid(submission);
  try {
    await routeCase(c, user, { ...submission.value, expectedVersion: submission.value.version });
  } catch (error) {
    if (error instanceof RoutingError) {
      const message = error.message === "officerId" ? "inbox.wrongOfficer" : "errors.choose";
      return invalid(submission, { fieldErrors: { [error.message]: [message] } });
    }
    return caseErrorResponse(error);
  }
  return redirectWithToast(here, "inbox.routedToast");
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function RoutingForm({
  routing,
  version,
  lastResult,
}: {
  routing: NonNullable<Data["routing"]>;
  version: number;
  lastResult: SubmissionResult<string[]> | undefined;
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
        <fieldset className="fieldset" id={fields.coReaderDepartmentIds.id}>
          <legend>{t("inbox.coReaders")}</legend>
          {getCollectionProps(fields.coReaderDepartmentIds, {
            type: "checkbox",
            options: routing.departments.map((d) => d.id),
          }).map((props) => (
            <div className="checkbox" key={props.key}>
              <input {...props} key={props.key} />
              <label htmlFor={props.id}>{deptName(props.value)}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="button">
          {t("inbox.route")}
        </button>
      </Form>
    </section>
  );
}

export default function StaffCasePage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const c = data.case;
  const caseError = actionData && "caseError" in actionData ? actionData.caseError : null;
  const result = actionData && "result" in actionData && actionData.result ? actionData.result : undefined;
  return (
    <>
      <p>
        <Link to="/handlaggning">← {t("inbox.title")}</Link>
      </p>
      <PageHeading>
        {c.caseNumber ? `${c.caseNumber} · ` : ""}
        {c.title}
      </PageHeading>
      {caseError ? (
        <p className="notice notice--error" role="alert">
          {t(caseError)}
        </p>
      ) : null}
      <div className="case-grid">
        <div>
          {data.routing ? (
            <RoutingForm key={c.version} routing={data.routing} version={c.version} lastResult={result} />
          ) : null}
          <section aria-labelledby="case-details">
            <h2 id="case-details">
              {t("cases.details")} ({t(`cases.kindShort.${c.kind}`)})
            </h2>
            <CaseContent c={c} />
          </section>
          {data.organisation ? (
            <p>
              <Link to={`/organisation/${data.organisation.id}`}>
                {data.organisation.name} – {t("inbox.organisationDocuments")}
              </Link>
            </p>
          ) : null}
          <section aria-labelledby="documents-heading">
            <h2 id="documents-heading">{t("cases.documents")}</h2>
            <p className="muted">{t("cases.documentsLead")}</p>
            <DocumentList documents={data.documents} />
          </section>
        </div>
        <aside>
          <section className="panel" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{t("cases.overview")}</h2>
            <CaseSummary data={data} />
          </section>
          <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{t("cases.timeline")}</h2>
            <Timeline events={data.events} />
          </section>
        </aside>
      </div>
    </>
  );
}
