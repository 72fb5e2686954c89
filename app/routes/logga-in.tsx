import { getFormProps, getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextField } from "~/components/forms";
import { PageHeading } from "~/components/layout";
import { useSchemaForm } from "~/components/use-form";
import { login } from "~/domain/identity/accounts.server";
import { invalid, parseForm, readForm } from "~/domain/http/forms.server";
import { pageMeta } from "~/domain/kernel/meta";
import { createUserSession, getUser, safeRedirect } from "~/domain/identity/session.server";
import { loginSchema } from "~/schemas/account";

export const meta = pageMeta("auth.login.title");

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/konto");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseForm(await readForm(request), loginSchema);
  if (submission.status !== "success") return invalid(submission);
  const { email, password, redirectTo } = submission.value;
  const result = await login(email, password, context.ip);
  if (!result.ok) {
    if (result.reason === "blocked") {
      return invalid(submission, { formErrors: [`auth.login.blocked|${result.minutes}`] }, 429);
    }
    return invalid(submission, { formErrors: ["auth.login.invalid"] }, 401);
  }
  throw redirect(safeRedirect(redirectTo, "/mina-sidor"), {
    headers: { "Set-Cookie": await createUserSession(request, result.userId) },
  });
}

export default function Login() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useSchemaForm(loginSchema, actionData?.result);
  return (
    <div className="narrow">
      <PageHeading>{t("auth.login.title")}</PageHeading>
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorSummary form={form} labelPrefix="auth" />
        <input
          {...getInputProps(fields.redirectTo, { type: "hidden" })}
          defaultValue={searchParams.get("redirectTo") ?? fields.redirectTo.initialValue ?? ""}
        />
        <TextField field={fields.email} label={t("auth.email")} type="email" autoComplete="username" />
        <TextField field={fields.password} label={t("auth.password")} type="password" autoComplete="current-password" />
        <button type="submit" className="button">
          {t("auth.login.submit")}
        </button>
      </Form>
      <ul className="plain-list">
        <li>
          <Link to="/glomt-losenord">{t("auth.login.forgot")}</Link>
        </li>
        <li>
          {t("auth.login.noAccount")} <Link to="/registrera">{t("nav.register")}</Link>
        </li>
      </ul>
    </div>
  );
}
