import { getFormProps, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";
import { StackedTable } from "~/components/stacked-table";
import { Types } from "mongoose";
import { STAFF_ROLES_LIST } from "#models/constants";
import { ChoiceGroup, DateField, ErrorSummary, SelectField, TextField } from "~/components/forms";
import { PageHeading } from "~/components/layout";
import { useLang } from "~/components/root-data";
import { formatDate } from "~/i18n";
import { useSchemaForm } from "~/components/use-form";
import { invalid, parseForm, readForm } from "~/http/forms.server";
import { pageMeta } from "~/http/meta";
import { requireContext, requireAbility, requireStaffPage } from "~/http/request.server";
import { can } from "~/domain/access/ability.server";
import { redirectWithToast } from "~/http/session.server";
import { inviteStaff, listDepartments, listStaff } from "~/domain/identity/staff.server";
import {
  eurRateSchema,
  inviteStaffSchema,
  deleteProviderSchema,
  providerSchema,
  reminderSettingsSchema,
} from "~/schemas/admin";
import { IdentityProviders } from "~/components/identity-providers";
import { deleteProvider, listProviders, saveProvider } from "~/domain/identity/providers.server";
import { redirectUri } from "~/domain/identity/oidc.server";
import {
  updateEurRate,
  updateReminderSettings,
  type ReminderSettingsInput,
} from "~/domain/public-body/public-body.server";
import { dayOf } from "~/domain/kernel/days";

export const meta = pageMeta("admin.title");

async function requireAdmin(request: Request) {
  const ctx = await requireContext(request);
  requireStaffPage(ctx, can(ctx.ability, "invite", "Staff", { publicBodyId: ctx.publicBody._id }));
  return ctx;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { publicBody, ability } = await requireAdmin(request);
  requireAbility(ability, "manage", "IdentityProvider", { publicBodyId: publicBody._id }, 403);
  const [departments, staff, providers] = await Promise.all([
    listDepartments(publicBody._id),
    listStaff(publicBody._id),
    listProviders(publicBody._id),
  ]);
  return {
    providers,
    redirectUri: await redirectUri(publicBody._id),
    departments: departments.map((d) => ({ id: String(d._id), name: d.name, areas: d.areas })),
    staff,
    reminders: {
      unroutedReminderDays: publicBody.unroutedReminderDays ?? 3,
      inactivityReminderDays: publicBody.inactivityReminderDays ?? 14,
      completionReminderDays: publicBody.completionReminderDays ?? 7,
      signatureReminderDays: publicBody.signatureReminderDays ?? 7,
    },
    eurRate: publicBody.eurRate
      ? { sekPerEur: publicBody.eurRate.sekPerEur, date: dayOf(publicBody.eurRate.date) }
      : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { publicBody, user, ability } = await requireAdmin(request);
  const formData = await readForm(request);
  if (formData.get("intent") === "saveProvider" || formData.get("intent") === "deleteProvider") {
    requireAbility(ability, "manage", "IdentityProvider", { publicBodyId: publicBody._id }, 403);
  }
  if (formData.get("intent") === "saveProvider") {
    const submission = parseForm(formData, providerSchema);
    const form = `provider-${String(formData.get("providerId") || "new")}`.slice(0, 40);
    if (submission.status !== "success") return invalid(submission, {}, 400, form);
    const { providerId, stepUpForSigning, enabled, clientSecret, ...fields } = submission.value;
    await saveProvider(
      publicBody._id,
      {
        ...fields,
        ...(clientSecret ? { clientSecret } : {}),
        stepUpForSigning: Boolean(stepUpForSigning),
        enabled: Boolean(enabled),
        groupRoles: fields.groupRoles as { group: string; role: (typeof STAFF_ROLES_LIST)[number] }[],
      },
      providerId ? new Types.ObjectId(providerId) : undefined,
    );
    return redirectWithToast("/admin#inloggning", "oidc.admin.saved");
  }
  if (formData.get("intent") === "deleteProvider") {
    const submission = parseForm(formData, deleteProviderSchema);
    if (submission.status !== "success") throw new Response("Ogiltig förfrågan", { status: 400 });
    await deleteProvider(publicBody._id, new Types.ObjectId(submission.value.providerId));
    return redirectWithToast("/admin#inloggning", "oidc.admin.deleted");
  }
  if (formData.get("intent") === "reminders") {
    const settings = parseForm(formData, reminderSettingsSchema);
    if (settings.status !== "success") return invalid(settings, {}, 400, "reminders");
    await updateReminderSettings(publicBody._id, settings.value);
    return redirectWithToast("/admin", "admin.remindersSaved");
  }
  if (formData.get("intent") === "eurRate") {
    const rate = parseForm(formData, eurRateSchema);
    if (rate.status !== "success") return invalid(rate, {}, 400, "eurRate");
    await updateEurRate(publicBody._id, { sekPerEur: rate.value.sekPerEur, date: rate.value.rateDate });
    return redirectWithToast("/admin", "admin.eurRateSaved");
  }
  const submission = parseForm(formData, inviteStaffSchema);
  if (submission.status !== "success") return invalid(submission, {}, 400, "invite");
  const known = new Set((await listDepartments(publicBody._id)).map((d) => String(d._id)));
  const unknown = submission.value.departmentIds.filter((id) => !known.has(id));
  if (unknown.length) return invalid(submission, { fieldErrors: { departmentIds: ["errors.choose"] } }, 400, "invite");
  await inviteStaff(publicBody, user, {
    ...submission.value,
    delegation: submission.value.delegation === "on",
    departmentIds: submission.value.departmentIds.map((id) => new Types.ObjectId(id)),
  });
  return redirectWithToast("/admin", "admin.invited");
}

export default function Admin() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const resultFor = (name: string) => (actionData?.form === name ? actionData.result : undefined);
  const [form, fields] = useSchemaForm(inviteStaffSchema, resultFor("invite"), "invite-staff", { role: "officer" });
  const deptName = (id: string) => data.departments.find((d) => d.id === id)?.name ?? "";
  return (
    <>
      <PageHeading>{t("admin.title")}</PageHeading>
      <p>
        <AppLink to="/admin/texter">{t("pageTexts.link")}</AppLink>
      </p>
      <section aria-labelledby="staff-heading">
        <h2 id="staff-heading">{t("admin.staff")}</h2>
        <StackedTable
          caption={t("admin.staff")}
          rows={data.staff}
          columns={[
            { label: t("org.table.name"), cell: (s) => s.name },
            { label: t("org.table.email"), cell: (s) => s.email },
            { label: t("admin.role"), cell: (s) => t(`roles.${s.role}`) },
            { label: t("admin.departments"), cell: (s) => s.departmentIds.map(deptName).join(", ") },
            { label: t("admin.delegation"), cell: (s) => (s.delegation ? t("admin.hasDelegation") : "–") },
            { label: t("admin.status"), cell: (s) => (s.active ? t("admin.active") : t("admin.pending")) },
          ]}
        />
      </section>
      <IdentityProviders
        providers={data.providers}
        redirectUri={data.redirectUri}
        resultFor={(name) => resultFor(name)}
      />
      <div className="columns">
        <section aria-labelledby="invite-staff-heading" className="panel">
          <h2 id="invite-staff-heading">{t("admin.inviteStaff")}</h2>
          <p>{t("admin.inviteLead")}</p>
          <Form method="post" {...getFormProps(form)} className="form">
            <ErrorSummary form={form} />
            <TextField field={fields.name} label={t("admin.name")} autoComplete="off" />
            <TextField field={fields.email} label={t("auth.email")} type="email" autoComplete="off" />
            <SelectField
              field={fields.role}
              label={t("admin.role")}
              options={STAFF_ROLES_LIST.map((value) => ({ value, label: String(t(`roles.${value}`)) }))}
            />
            <ChoiceGroup
              field={fields.departmentIds}
              type="checkbox"
              legend={t("admin.staffDepartments")}
              options={data.departments.map((d) => ({ value: d.id, label: d.name }))}
            />
            <ChoiceGroup
              field={fields.delegation}
              type="checkbox"
              legend={t("admin.delegation")}
              options={[{ value: "on", label: t("admin.delegationLabel") }]}
            />
            <button type="submit" className="button">
              {t("admin.inviteStaff")}
            </button>
          </Form>
        </section>
        <section aria-labelledby="departments-heading">
          <ReminderSettings values={data.reminders} lastResult={resultFor("reminders")} />
          <EurRateSettings current={data.eurRate} lastResult={resultFor("eurRate")} />
          <h2 id="departments-heading">{t("admin.departments")}</h2>
          <ul>
            {data.departments.map((d) => (
              <li key={d.id}>{d.name}</li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}

function ReminderSettings({
  values,
  lastResult,
}: {
  values: ReminderSettingsInput;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(reminderSettingsSchema, lastResult, "reminders", {
    unroutedReminderDays: String(values.unroutedReminderDays),
    inactivityReminderDays: String(values.inactivityReminderDays),
    completionReminderDays: String(values.completionReminderDays),
    signatureReminderDays: String(values.signatureReminderDays),
  });
  return (
    <div className="panel">
      <h2 id="reminders-heading">{t("admin.reminders")}</h2>
      <p>{t("admin.remindersLead")}</p>
      <Form method="post" {...getFormProps(form)} className="form" aria-labelledby="reminders-heading">
        <ErrorSummary form={form} labelPrefix="admin" />
        <input type="hidden" name="intent" value="reminders" />
        <TextField
          field={fields.unroutedReminderDays}
          label={t("admin.unroutedReminderDays")}
          type="number"
          className="input--tiny"
        />
        <TextField
          field={fields.inactivityReminderDays}
          label={t("admin.inactivityReminderDays")}
          type="number"
          className="input--tiny"
        />
        <TextField
          field={fields.completionReminderDays}
          label={t("admin.completionReminderDays")}
          type="number"
          className="input--tiny"
        />
        <TextField
          field={fields.signatureReminderDays}
          label={t("admin.signatureReminderDays")}
          type="number"
          className="input--tiny"
        />
        <button type="submit" className="button button--secondary">
          {t("admin.saveReminders")}
        </button>
      </Form>
    </div>
  );
}

const rateFormat = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 4 });
const formatRate = (n: number) => rateFormat.format(n);

/** The kronor-to-euro rate of the de minimis check, with the day it is from. */
function EurRateSettings({
  current,
  lastResult,
}: {
  current: { sekPerEur: number; date: string } | null;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [form, fields] = useSchemaForm(eurRateSchema, lastResult, "eurRate", {
    sekPerEur: current ? formatRate(current.sekPerEur) : "",
    rateDate: current?.date ?? "",
  });
  return (
    <div className="panel">
      <h2 id="eur-rate-heading">{t("admin.eurRate")}</h2>
      <p>{t("admin.eurRateLead")}</p>
      <p>
        <strong>
          {current
            ? t("admin.eurRateCurrent", { rate: formatRate(current.sekPerEur), date: formatDate(current.date, lang) })
            : t("admin.eurRateNone")}
        </strong>
      </p>
      <Form method="post" {...getFormProps(form)} className="form" aria-labelledby="eur-rate-heading">
        <ErrorSummary form={form} labelPrefix="admin" />
        <input type="hidden" name="intent" value="eurRate" />
        <TextField field={fields.sekPerEur} label={t("admin.sekPerEur")} className="input--short" />
        <DateField field={fields.rateDate} label={t("admin.rateDate")} />
        <button type="submit" className="button button--secondary">
          {t("admin.saveEurRate")}
        </button>
      </Form>
    </div>
  );
}
