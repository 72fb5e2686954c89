import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextField } from "~/components/forms";
import { PageHeading } from "~/components/layout";
import { useSchemaForm } from "~/components/use-form";
import { invalid, parseForm, readForm } from "~/http/forms.server";
import { badRequest, requestContext } from "~/http/request.server";
import { identityChoices, settleIdentity } from "~/domain/identity/identity-choices.server";
import { clearPending, readPending } from "~/http/oidc-cookies.server";
import { createUserSession } from "~/http/session.server";
import { pageMeta } from "~/http/meta";
import { accountFromIdentitySchema } from "~/schemas/oidc";
import { afterSignIn } from "~/http/handover.server";

export const meta = pageMeta("oidc.choose.title");

// After a first e-ID sign-in that no account has: link it to the account signed in now, to the
// account whose verified email the e-ID also verified (the person confirms), or make a new one.
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requestContext(request);
  const identity = await readPending(request);
  if (!identity) throw redirect("/logga-in");
  return { name: identity.name, label: identity.label, ...(await identityChoices(identity, user)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, lang } = await requestContext(request);
  const identity = await readPending(request);
  if (!identity) throw redirect("/logga-in");
  const formData = await readForm(request);
  const intent = formData.get("intent");
  let account: Parameters<typeof settleIdentity>[2];
  if (intent === "create") {
    const submission = parseForm(formData, accountFromIdentitySchema);
    if (submission.status !== "success") return invalid(submission);
    account = { create: submission.value, locale: lang };
  } else if (intent === "linkSignedIn") {
    account = intent;
  } else throw badRequest();
  const settled = await settleIdentity(identity, user, account);
  if (!settled.ok) {
    const submission = parseForm(formData, accountFromIdentitySchema);
    return invalid(submission, { fieldErrors: { email: [settled.error] } }, 409);
  }
  const headers = new Headers();
  headers.append("Set-Cookie", await clearPending());
  headers.append("Set-Cookie", await createUserSession(request, settled.userId, settled.providerId));
  throw redirect(await afterSignIn(settled.created ? "/mina-sidor?valkommen=1" : "/mina-sidor"), { headers });
}

export default function ChooseAccount() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(accountFromIdentitySchema, actionData?.result, "new-account", {
    name: data.name,
    email: data.email ?? "",
  });
  return (
    <div className="narrow">
      <PageHeading lead={t("oidc.choose.lead", { provider: data.label, name: data.name })}>
        {t("oidc.choose.title")}
      </PageHeading>
      {data.signedInAs ? (
        <LinkPanel
          id="link-signed-in"
          title={t("oidc.choose.signedInTitle")}
          body={t("oidc.choose.signedInBody", { email: data.signedInAs })}
          intent="linkSignedIn"
        />
      ) : (
        <>
          {/* Linking to an existing account asks for its password first: a provider's
              verified email alone does not prove the account is this person's. */}
          <section aria-labelledby="link-password" className="panel">
            <h2 id="link-password">{t(data.emailAccount ? "oidc.choose.emailTitle" : "oidc.choose.passwordTitle")}</h2>
            <p>
              {data.emailAccount ? t("oidc.choose.emailBody", { email: data.email }) : t("oidc.choose.passwordBody")}
            </p>
            <p>
              <AppLink to={`/logga-in?${new URLSearchParams({ redirectTo: "/logga-in/koppla" })}`}>
                {t("oidc.choose.signInWithPassword")}
              </AppLink>
            </p>
          </section>
          <section aria-labelledby="new-account-heading">
            <h2 id="new-account-heading">{t("oidc.choose.newTitle")}</h2>
            <p>{t(data.email ? "oidc.choose.newBodyEmail" : "oidc.choose.newBody")}</p>
            <Form method="post" {...getFormProps(form)} className="form">
              <input type="hidden" name="intent" value="create" />
              <ErrorSummary form={form} labelPrefix="auth" />
              <TextField field={fields.name} label={t("auth.name")} autoComplete="name" />
              <TextField field={fields.email} label={t("auth.email")} type="email" autoComplete="email" />
              <button type="submit" className="button">
                {t("oidc.choose.create")}
              </button>
            </Form>
          </section>
        </>
      )}
    </div>
  );
}

/** One way to link the e-ID to an existing account: what it means, and one button. */
function LinkPanel({ id, title, body, intent }: { id: string; title: string; body: string; intent: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id} className="panel">
      <h2 id={id}>{title}</h2>
      <p>{body}</p>
      <Form method="post">
        <button type="submit" name="intent" value={intent} className="button">
          {t("oidc.choose.link")}
        </button>
      </Form>
    </section>
  );
}
