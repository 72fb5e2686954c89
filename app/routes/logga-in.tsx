import { getFormProps, getInputProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextField } from "~/components/forms";
import { PageHeading } from "~/components/layout";
import { useSchemaForm } from "~/components/use-form";
import { login } from "~/domain/identity/accounts.server";
import { enabledProviders } from "~/domain/identity/oidc.server";
import { requestContext } from "~/http/request.server";
import { invalid, parseForm, readForm } from "~/http/forms.server";
import { pageMeta } from "~/http/meta";
import { createUserSession, getUser, safeRedirect } from "~/http/session.server";
import { hostKind, needsHandover } from "~/domain/public-body/public-body.server";
import { afterSignIn } from "~/http/handover.server";
import { loginSchema } from "~/schemas/account";
import { ProviderButton } from "~/components/provider-button";

export const meta = pageMeta("auth.login.title");

export async function loader({ request }: LoaderFunctionArgs) {
  // At the front door only the installation's administrators sign in, with a password (decision 031).
  if ((await hostKind()) === "frontDoor") {
    if (await getUser(request)) throw redirect("/");
    return { providers: [], frontDoor: true };
  }
  const { user, publicBody } = await requestContext(request);
  if (user) throw redirect("/konto");
  // Signed in on another host of the installation? Ask it first (decision 033); it answers
  // `overlamning=ingen` when not, and then this form is shown.
  const params = new URL(request.url).searchParams;
  if (needsHandover() && !params.has("overlamning"))
    throw redirect(
      `/logga-in/overlamning?${new URLSearchParams({ redirectTo: params.get("redirectTo") ?? "/mina-sidor" })}`,
    );
  return { providers: await enabledProviders(publicBody._id), frontDoor: false };
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
  const home = (await hostKind()) === "frontDoor" ? "/" : "/mina-sidor";
  throw redirect(await afterSignIn(safeRedirect(redirectTo, home)), {
    headers: { "Set-Cookie": await createUserSession(request, result.userId) },
  });
}

export default function Login() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useSchemaForm(loginSchema, actionData?.result);
  const { providers, frontDoor } = useLoaderData<typeof loader>();
  const returnTo = searchParams.get("redirectTo") ?? "/mina-sidor";
  const eid = providers.filter((p) => p.audience === "organisation");
  const staff = providers.filter((p) => p.audience === "staff");
  return (
    <div className="narrow">
      <PageHeading>{t("auth.login.title")}</PageHeading>
      {eid.length ? (
        <section aria-labelledby="eid" className="sign-in-choice">
          <h2 id="eid">{t("oidc.login.eidTitle")}</h2>
          <p>{t("oidc.login.eidLead")}</p>
          <ProviderButtons providers={eid} returnTo={returnTo} />
        </section>
      ) : null}
      {staff.length ? (
        <section aria-labelledby="staff-sign-in" className="sign-in-choice">
          <h2 id="staff-sign-in">{t("oidc.login.staffTitle")}</h2>
          <ProviderButtons providers={staff} returnTo={returnTo} secondary />
        </section>
      ) : null}
      {providers.length ? <h2>{t("oidc.login.passwordTitle")}</h2> : null}
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
      {/* Accounts are made and recovered at a body's address, not at the front door. */}
      {frontDoor ? null : (
        <ul className="plain-list">
          <li>
            <AppLink to="/glomt-losenord">{t("auth.login.forgot")}</AppLink>
          </li>
          <li>
            {t("auth.login.noAccount")} <AppLink to="/registrera">{t("nav.register")}</AppLink>
          </li>
        </ul>
      )}
    </div>
  );
}

/** One button per OpenID provider: each posts to start the sign-in there (no JavaScript needed). */
function ProviderButtons({
  providers,
  returnTo,
  secondary,
}: {
  providers: { id: string; label: string }[];
  returnTo: string;
  secondary?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      {providers.map((p) => (
        <ProviderButton
          key={p.id}
          providerId={p.id}
          purpose="signin"
          returnTo={returnTo}
          label={t("oidc.login.button", { label: p.label })}
          secondary={secondary}
        />
      ))}
    </>
  );
}
