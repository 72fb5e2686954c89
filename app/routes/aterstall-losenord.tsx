import { getFormProps, getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, NewPasswordFields } from "~/components/forms";
import { InvalidLink } from "~/components/invalid-link";
import { PageHeading } from "~/components/layout";
import { useSchemaForm } from "~/components/use-form";
import { resetPassword } from "~/domain/identity/accounts.server";
import { invalid, parseForm, readForm } from "~/http/forms.server";
import { pageMeta } from "~/http/meta";
import { createUserSession, destroyAllSessions, redirectWithToast } from "~/http/session.server";
import { findValidToken } from "~/domain/identity/tokens.server";
import { resetSchema } from "~/schemas/account";
import { afterSignIn } from "~/http/handover.server";

export const meta = pageMeta("auth.reset.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const valid = Boolean(await findValidToken(token, "reset_password"));
  return { token: valid ? token : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseForm(await readForm(request), resetSchema);
  if (submission.status !== "success") return invalid(submission);
  const userId = await resetPassword(submission.value.token, submission.value.password);
  if (!userId) return invalid(submission, { formErrors: ["auth.verify.invalid"] }, 410);
  await destroyAllSessions(userId);
  // By way of the front door where a session made here reaches no other host (decision 033).
  return redirectWithToast(await afterSignIn("/konto"), "auth.reset.done", {
    "Set-Cookie": await createUserSession(request, userId),
  });
}

export default function ResetPassword() {
  const { t } = useTranslation();
  const { token } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(resetSchema, actionData?.result);
  if (!token) return <InvalidLink titleKey="auth.verify.invalidTitle" bodyKey="auth.verify.invalid" />;
  return (
    <div className="narrow">
      <PageHeading>{t("auth.reset.title")}</PageHeading>
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorSummary form={form} labelPrefix="auth" />
        <input {...getInputProps(fields.token, { type: "hidden" })} defaultValue={token} />
        <NewPasswordFields
          password={fields.password}
          confirmPassword={fields.confirmPassword}
          labelKey="account.newPassword"
        />
        <button type="submit" className="button">
          {t("auth.reset.submit")}
        </button>
      </Form>
    </div>
  );
}
