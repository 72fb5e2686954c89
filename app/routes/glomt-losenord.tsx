import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, Honeypot, TextField } from "~/components/forms";
import { PageHeading } from "~/components/layout";
import { useSchemaForm } from "~/components/use-form";
import { requestPasswordReset } from "~/domain/identity/accounts.server";
import { filledHoneypot, invalid, parseForm, readForm } from "~/http/forms.server";
import { getLang } from "~/http/lang.server";
import { pageMeta } from "~/http/meta";
import { forgotSchema } from "~/schemas/account";

export const meta = pageMeta("auth.forgot.title");

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseForm(formData, forgotSchema);
  if (submission.status !== "success") return invalid(submission);
  if (!filledHoneypot(formData)) await requestPasswordReset(submission.value.email, await getLang(request));
  return { result: submission.reply({ resetForm: true }), sentTo: submission.value.email };
}

export default function ForgotPassword() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(forgotSchema, actionData?.result);
  const sentTo = actionData && "sentTo" in actionData ? actionData.sentTo : null;
  return (
    <div className="narrow">
      <PageHeading lead={t("auth.forgot.lead")}>{t("auth.forgot.title")}</PageHeading>
      {sentTo ? (
        <p className="notice" role="status">
          {t("auth.forgot.sent", { email: sentTo })}
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorSummary form={form} labelPrefix="auth" />
        <TextField field={fields.email} label={t("auth.email")} type="email" autoComplete="email" />
        <Honeypot />
        <button type="submit" className="button">
          {t("auth.forgot.submit")}
        </button>
      </Form>
    </div>
  );
}
