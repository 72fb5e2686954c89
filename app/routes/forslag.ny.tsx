import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AppLink } from "~/components/app-link";
import { Types } from "mongoose";
import { useTranslation } from "react-i18next";
import { CASE_KINDS } from "#models/constants";
import { ChoiceGroup, ErrorSummary, SelectField, TextField } from "~/components/forms";
import { PageHeading } from "~/components/layout";
import { useSchemaForm } from "~/components/use-form";
import { can } from "~/domain/access/ability.server";
import { invalid, parseForm, readForm } from "~/http/forms.server";
import { pageMeta } from "~/http/meta";
import { createCase } from "~/domain/cases/proposals.server";
import { requireContext } from "~/http/request.server";
import { redirectWithToast } from "~/http/session.server";
import { newCaseSchema } from "~/schemas/proposal";
import { listOwnOrganisations } from "~/domain/organisations/organisations.server";

export const meta = pageMeta("cases.newTitle");

async function myOrganisations(request: Request) {
  const ctx = await requireContext(request);
  // Any of the person's organisations proposes to this body (they are national: decision 029).
  return { ...ctx, orgs: await listOwnOrganisations(ctx.user) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { orgs } = await myOrganisations(request);
  return { organisations: orgs.map((o) => ({ id: String(o._id), name: o.name })) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, ability, publicBody, orgs } = await myOrganisations(request);
  const submission = parseForm(await readForm(request), newCaseSchema);
  if (submission.status !== "success") return invalid(submission);
  const org = orgs.find((o) => String(o._id) === submission.value.organisationId);
  if (!org || !can(ability, "create", "Case", { organisationId: org._id, publicBodyId: publicBody._id })) {
    return invalid(submission, { fieldErrors: { organisationId: ["errors.choose"] } }, 403);
  }
  const c = await createCase(publicBody._id, new Types.ObjectId(String(org._id)), user, submission.value);
  return redirectWithToast(`/forslag/${String(c._id)}`, "cases.created");
}

export default function NewCase() {
  const { t } = useTranslation();
  const { organisations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(newCaseSchema, actionData?.result, "new-case", {
    kind: "idea",
    organisationId: organisations.length === 1 ? organisations[0]?.id : undefined,
  });
  return (
    <div className="narrow">
      <PageHeading lead={t("cases.newLead")}>{t("cases.newTitle")}</PageHeading>
      {organisations.length === 0 ? (
        <p className="notice notice--warning">
          {t("cases.needsOrganisation")} <AppLink to="/organisation/ny">{t("org.register")}</AppLink>
        </p>
      ) : (
        <Form method="post" {...getFormProps(form)} className="form">
          <ErrorSummary form={form} labelPrefix="cases" />
          <SelectField
            field={fields.organisationId}
            label={t("cases.organisation")}
            placeholder={organisations.length > 1 ? "" : undefined}
            options={organisations.map((o) => ({ value: o.id, label: o.name }))}
          />
          <ChoiceGroup
            field={fields.kind}
            type="radio"
            legend={t("cases.kind")}
            options={CASE_KINDS.map((k) => ({ value: k, label: String(t(`cases.kinds.${k}`)) }))}
          />
          <TextField field={fields.title} label={t("cases.title")} hint={t("cases.titleHint")} />
          <button type="submit" className="button">
            {t("cases.create")}
          </button>
        </Form>
      )}
      <aside className="panel" aria-labelledby="iop-help">
        <h2 id="iop-help">{t("cases.helpTitle")}</h2>
        <p>{t("cases.help")}</p>
      </aside>
    </div>
  );
}
