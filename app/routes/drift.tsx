import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { COUNTIES } from "#models/constants";
import { ChoiceGroup, ErrorSummary, SelectField, TextAreaField, TextField } from "~/components/forms";
import { PageHeading } from "~/components/layout";
import { StackedTable } from "~/components/stacked-table";
import { useSchemaForm } from "~/components/use-form";
import { useLang } from "~/components/root-data";
import {
  AddressTakenError,
  bodyExists,
  createPublicBody,
  installationHealth,
  setPaused,
} from "~/domain/installation/installation.server";
import { requireInstallationAdmin } from "~/http/installation.server";
import { invalid, parseForm, readForm } from "~/http/forms.server";
import { pageMeta } from "~/http/meta";
import { fieldErrorText, formatDate, formatDateTime, formatNumber } from "~/i18n";
import { newBodySchema, pauseSchema } from "~/schemas/installation";

export const meta = pageMeta("installation.title");

/**
 * The installation administrator's console (decision 031): at the front door (or, with one body
 * per installation, at its address); to everyone else it does not exist.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireInstallationAdmin(request);
  return installationHealth();
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireInstallationAdmin(request);
  const formData = await readForm(request);
  if (formData.get("intent") === "pause") {
    const submission = parseForm(formData, pauseSchema);
    if (submission.status !== "success") {
      // Only the reason is typed; a changed hidden field is told as a form error, at that body's row.
      const slug = formData.get("slug");
      if (typeof slug !== "string" || !(await bodyExists(slug)))
        throw new Response("Sidan finns inte", { status: 404 });
      const reason = submission.error?.reason;
      const errors: Record<string, string[]> = reason ? { reason } : { "": ["installation.errors.pauseForm"] };
      return data({ pause: { id: `pause-${slug}`, allErrors: errors } }, { status: 400 });
    }
    const { slug, paused, reason } = submission.value;
    if (!(await setPaused(slug, paused === "yes", reason))) throw new Response("Sidan finns inte", { status: 404 });
    return redirect(`/drift?${new URLSearchParams({ [paused === "yes" ? "pausad" : "oppnad"]: slug })}`);
  }
  const submission = parseForm(formData, newBodySchema);
  if (submission.status !== "success") return invalid(submission, {}, 400, "new-body");
  try {
    await createPublicBody(submission.value, user);
  } catch (error) {
    if (!(error instanceof AddressTakenError)) throw error;
    const message = error.field === "slug" ? "installation.errors.slugTaken" : "installation.errors.hostsTaken";
    return invalid(submission, { fieldErrors: { [error.field]: [message] } }, 409, "new-body");
  }
  return redirect(`/drift?${new URLSearchParams({ ny: submission.value.slug })}`);
}

export default function Console() {
  const { t } = useTranslation();
  const lang = useLang();
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const actionData = useActionData<typeof action>();
  const pause = actionData && "pause" in actionData ? actionData.pause : undefined;
  const named = (slug: string | null) => data.bodies.find((b) => b.slug === slug)?.name ?? slug ?? "";
  const notice = params.get("ny")
    ? t("installation.created", { name: named(params.get("ny")) })
    : params.get("pausad")
      ? t("installation.paused", { name: named(params.get("pausad")) })
      : params.get("oppnad")
        ? t("installation.resumed", { name: named(params.get("oppnad")) })
        : null;
  return (
    <>
      <PageHeading lead={t("installation.lead")}>{t("installation.title")}</PageHeading>
      {notice ? (
        <p className="notice notice--success" role="status">
          {notice}
        </p>
      ) : null}
      {pause ? <ErrorSummary form={pause} labelPrefix="installation.fields" /> : null}
      <section aria-labelledby="bodies-heading">
        <h2 id="bodies-heading">{t("installation.bodiesTitle")}</h2>
        <StackedTable
          caption={t("installation.bodiesTitle")}
          rows={data.bodies}
          columns={[
            {
              label: t("installation.columns.body"),
              cell: (b) => (
                <>
                  <a href={b.url}>{b.name}</a>
                  <br />
                  <span className="muted">
                    {t(`installation.kinds.${b.kind}`)}
                    {b.county ? `, ${b.county}` : ""}
                  </span>
                </>
              ),
            },
            {
              label: t("installation.columns.status"),
              cell: (b) =>
                b.paused
                  ? t("installation.pausedSince", { date: formatDate(b.paused.at, lang) })
                  : t("installation.open"),
            },
            { label: t("installation.columns.cases"), cell: (b) => formatNumber(b.cases) },
            { label: t("installation.columns.mails"), cell: (b) => formatNumber(b.mailsWaiting) },
            { label: t("installation.columns.failed"), cell: (b) => formatNumber(b.mailsFailed) },
            {
              label: t("installation.columns.action"),
              cell: (b) => (
                <PauseForm
                  slug={b.slug}
                  paused={Boolean(b.paused)}
                  reasonError={pause?.id === `pause-${b.slug}` ? pause.allErrors.reason?.[0] : undefined}
                />
              ),
            },
          ]}
        />
      </section>
      <section aria-labelledby="jobs-heading">
        <h2 id="jobs-heading">{t("installation.jobsTitle")}</h2>
        {data.jobs.length ? (
          <StackedTable
            caption={t("installation.jobsTitle")}
            rows={data.jobs}
            columns={[
              {
                label: t("installation.jobColumns.job"),
                cell: (j) => t(`installation.jobs.${j.name}`, { defaultValue: j.name }) as string,
              },
              { label: t("installation.jobColumns.lastRun"), cell: (j) => formatDateTime(j.lastRunAt, lang) },
              {
                label: t("installation.jobColumns.outcome"),
                cell: (j) => (j.ok ? t("installation.jobOk") : t("installation.jobFailed")),
              },
            ]}
          />
        ) : (
          <p>{t("installation.noJobs")}</p>
        )}
      </section>
      {/* A new, empty form once a body was added (the last one's values would invite a repeat). */}
      <NewBody key={params.get("ny") ?? ""} />
    </>
  );
}

/** Pause a body, with a reason kept for the operator; or open it again. */
function PauseForm({ slug, paused, reasonError }: { slug: string; paused: boolean; reasonError?: string }) {
  const { t, i18n } = useTranslation();
  const id = `pause-${slug}-reason`;
  return (
    <Form method="post" className="inline-form" id={`pause-${slug}`}>
      <input type="hidden" name="intent" value="pause" />
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="paused" value={paused ? "no" : "yes"} />
      {paused ? null : (
        <>
          <label htmlFor={id} className="field__label">
            {t("installation.pauseReason")}
          </label>
          {reasonError ? (
            <p id={`${id}-error`} className="field__error">
              {fieldErrorText(i18n, reasonError, { name: "reason", label: t("installation.pauseReason") })}
            </p>
          ) : null}
          <input
            id={id}
            name="reason"
            className="input"
            maxLength={300}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? `${id}-error` : undefined}
          />
        </>
      )}
      <button type="submit" className="button button--secondary">
        {paused ? t("installation.resume") : t("installation.pause")}
      </button>
    </Form>
  );
}

function NewBody() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const result = actionData && "result" in actionData ? actionData.result : undefined;
  const [form, fields] = useSchemaForm(newBodySchema, result, "new-body", {
    kind: "municipality",
    officeName: "Civilsamhällskontoret",
  });
  return (
    <section aria-labelledby="new-body-heading" className="panel">
      <h2 id="new-body-heading">{t("installation.createTitle")}</h2>
      <p>{t("installation.createLead")}</p>
      <Form method="post" {...getFormProps(form)} className="form narrow">
        <ErrorSummary form={form} labelPrefix="installation.fields" />
        <TextField field={fields.name} label={t("installation.fields.name")} autoComplete="off" />
        <TextField
          field={fields.slug}
          label={t("installation.fields.slug")}
          hint={t("installation.hints.slug", { example: "grannby.samverka.se" })}
          autoComplete="off"
        />
        <ChoiceGroup
          field={fields.kind}
          type="radio"
          legend={t("installation.fields.kind")}
          options={(["municipality", "region"] as const).map((value) => ({
            value,
            label: t(`installation.kinds.${value}`),
          }))}
        />
        <SelectField
          field={fields.countyCode}
          label={t("installation.fields.countyCode")}
          placeholder=""
          options={Object.entries(COUNTIES).map(([value, label]) => ({ value, label }))}
        />
        <TextField field={fields.orgNumber} label={t("installation.fields.orgNumber")} autoComplete="off" />
        <TextAreaField
          field={fields.hosts}
          label={t("installation.fields.hosts")}
          hint={t("installation.hints.hosts")}
          rows={2}
          optional
        />
        <TextField field={fields.officeName} label={t("installation.fields.officeName")} />
        <TextField field={fields.officeEmail} label={t("installation.fields.officeEmail")} type="email" />
        <TextField field={fields.officePhone} label={t("installation.fields.officePhone")} type="tel" optional />
        <TextField field={fields.officeAddress} label={t("installation.fields.officeAddress")} optional />
        <TextField field={fields.adminName} label={t("installation.fields.adminName")} autoComplete="off" />
        <TextField
          field={fields.adminEmail}
          label={t("installation.fields.adminEmail")}
          type="email"
          autoComplete="off"
        />
        <button type="submit" className="button">
          {t("installation.create")}
        </button>
      </Form>
    </section>
  );
}
