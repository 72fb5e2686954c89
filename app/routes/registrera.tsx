import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";
import { ErrorSummary, Honeypot, NewPasswordFields, TextField } from "~/components/forms";
import { PageHeading } from "~/components/layout";
import { useSchemaForm } from "~/components/use-form";
import { registerAccount } from "~/domain/identity/accounts.server";
import { filledHoneypot, invalid, parseForm, readForm } from "~/http/forms.server";
import { getLang } from "~/http/lang.server";
import { pageMeta } from "~/http/meta";
import { getUser } from "~/http/session.server";
import { registerSchema } from "~/schemas/account";

export const meta = pageMeta("auth.register.title");

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getUser(request)) throw redirect("/konto");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseForm(formData, registerSchema);
  if (submission.status !== "success") return invalid(submission);
  if (filledHoneypot(formData)) return invalid(submission, { formErrors: ["errors.honeypot"] });
  const { name, email, password } = submission.value;
  await registerAccount({ name, email, password }, await getLang(request));
  // The same answer whether the address was free or taken: no session here, the link in the
  // email signs the new person in (docs/decisions/007).
  throw redirect(`/registrera/skickat?${new URLSearchParams({ email })}`);
}

export default function Register() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(registerSchema, actionData?.result);
  return (
    <div className="narrow">
      <PageHeading lead={t("auth.register.lead")}>{t("auth.register.title")}</PageHeading>
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorSummary form={form} labelPrefix="auth" />
        <TextField field={fields.name} label={t("auth.name")} autoComplete="name" />
        <TextField field={fields.email} label={t("auth.email")} type="email" autoComplete="email" />
        <NewPasswordFields password={fields.password} confirmPassword={fields.confirmPassword} />
        <p>
          <AppLink to="/integritet">{t("privacy.link")}</AppLink>
        </p>
        <Honeypot />
        <button type="submit" className="button">
          {t("auth.register.submit")}
        </button>
      </Form>
      <p>
        {t("auth.register.haveAccount")} <AppLink to="/logga-in">{t("nav.login")}</AppLink>
      </p>
    </div>
  );
}
