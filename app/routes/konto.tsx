import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";
import { ErrorSummary, NewPasswordFields, TextField } from "~/components/forms";
import { PageHeading } from "~/components/layout";
import { VerifyFirstNotice } from "~/components/verify-notice";
import { useSchemaForm } from "~/components/use-form";
import { changePassword, membershipNames } from "~/domain/identity/accounts.server";
import { invalid, parseForm, readForm } from "~/http/forms.server";
import { pageMeta } from "~/http/meta";
import { badRequest } from "~/http/request.server";
import { destroyAllSessions, destroySession, redirectWithToast, requireUser } from "~/http/session.server";
import { changePasswordSchema } from "~/schemas/account";
import { unlinkSchema } from "~/schemas/oidc";
import { AccountError, unlinkIdentity, waysIn } from "~/domain/identity/linked-identities.server";
import { enabledProviders } from "~/domain/identity/oidc.server";
import { requestContext } from "~/http/request.server";
import { formatDate } from "~/i18n";
import { useLang } from "~/components/root-data";

export const meta = pageMeta("account.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { publicBody } = await requestContext(request);
  const { orgs, bodies } = await membershipNames(user);
  const staff = user.staffMemberships.some((m) => m.publicBodyId.equals(publicBody._id));
  const [ways, providers] = await Promise.all([waysIn(user._id), enabledProviders(publicBody._id)]);
  const refused = new URL(request.url).searchParams.get("koppla");
  const roles = [
    ...user.orgMemberships.map((m) => ({
      role: m.role,
      where: orgs.find((o) => o._id.equals(m.organisationId))?.name ?? "",
      href: `/organisation/${String(m.organisationId)}`,
    })),
    ...user.staffMemberships.map((m) => ({
      role: m.role,
      where: bodies.find((b) => b._id.equals(m.publicBodyId))?.name ?? "",
      href: null,
    })),
  ];
  return {
    name: user.name,
    email: user.email,
    verified: Boolean(user.emailVerifiedAt),
    roles,
    ways,
    // Staff link the municipality's account, everyone else an e-ID.
    providers: providers.filter((p) => p.audience === (staff ? "staff" : "organisation")),
    // Why adding a way in was refused (the start of the sign-in sends the browser back here).
    linkRefused: ["password", "throttled", "signInAgain"].find((r) => r === refused) ?? null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "logoutEverywhere") {
    await destroyAllSessions(user._id);
    return redirectWithToast("/", "account.loggedOutEverywhere", {
      "Set-Cookie": (await destroySession(request)).setCookie,
    });
  }
  if (intent === "unlinkIdentity") {
    const submission = parseForm(formData, unlinkSchema);
    if (submission.status !== "success") throw badRequest();
    try {
      await unlinkIdentity(user._id, submission.value.identity);
    } catch (error) {
      if (!(error instanceof AccountError)) throw error;
      return invalid(submission, { formErrors: [`oidc.choose.${error.reason}`] }, 409, "unlink");
    }
    return redirectWithToast("/konto#inloggningar", "oidc.account.unlinked");
  }
  if (intent !== "changePassword") throw badRequest();
  const submission = parseForm(formData, changePasswordSchema);
  if (submission.status !== "success") return invalid(submission);
  const ok = await changePassword(user._id, submission.value.currentPassword, submission.value.password);
  if (!ok) return invalid(submission, { fieldErrors: { currentPassword: ["account.wrongPassword"] } });
  // A changed password ends every other session (someone else may have known the old one).
  await destroyAllSessions(user._id, request);
  return redirectWithToast("/konto", "account.passwordChanged");
}

export default function Account() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(changePasswordSchema, actionData?.result, "change-password");
  return (
    <>
      <PageHeading>{t("account.title")}</PageHeading>
      {!data.verified ? <VerifyFirstNotice message={t("auth.verify.banner", { email: data.email })} /> : null}
      <div className="columns">
        <section aria-labelledby="details">
          <h2 id="details">{t("account.details")}</h2>
          <dl className="facts">
            <dt>{t("auth.name")}</dt>
            <dd>{data.name}</dd>
            <dt>{t("auth.email")}</dt>
            <dd>
              {data.email}
              <br />
              <span className={data.verified ? "badge badge--ok" : "badge badge--warn"}>
                {data.verified ? t("account.verified") : t("account.notVerified")}
              </span>
            </dd>
          </dl>
          <h2>{t("account.roles")}</h2>
          {data.roles.length === 0 ? (
            <p>
              {t("account.noRoles")} <AppLink to="/organisation/ny">{t("org.register")}</AppLink>
            </p>
          ) : (
            <ul>
              {data.roles.map((r) => (
                <li key={`${r.role}-${r.where}`}>
                  {t(`roles.${r.role}`)}: {r.href ? <AppLink to={r.href}>{r.where}</AppLink> : r.where}
                </li>
              ))}
            </ul>
          )}
        </section>
        <WaysIn
          ways={data.ways}
          providers={data.providers}
          linkRefused={data.linkRefused}
          error={actionData?.form === "unlink" ? actionData : null}
        />
        <section aria-labelledby="change-password-heading">
          <h2 id="change-password-heading">{t("account.changePassword")}</h2>
          <Form method="post" {...getFormProps(form)} className="form">
            <input type="hidden" name="intent" value="changePassword" />
            <ErrorSummary form={form} />
            <TextField
              field={fields.currentPassword}
              label={t("account.currentPassword")}
              type="password"
              autoComplete="current-password"
            />
            <NewPasswordFields
              password={fields.password}
              confirmPassword={fields.confirmPassword}
              labelKey="account.newPassword"
            />
            <button type="submit" className="button">
              {t("account.changePassword")}
            </button>
          </Form>
          <h2>{t("account.sessions")}</h2>
          <p>{t("account.sessionsLead")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="logoutEverywhere" />
            <button type="submit" className="button button--secondary">
              {t("account.logoutEverywhere")}
            </button>
          </Form>
        </section>
      </div>
    </>
  );
}

/** "Mina inloggningar": the password and the linked e-IDs; link another, unlink one (never the last). */
function WaysIn({
  ways,
  providers,
  linkRefused,
  error,
}: {
  ways: {
    password: boolean;
    identities: { id: string; label: string; where: string; removed: boolean; linkedAt: string | Date }[];
  };
  providers: { id: string; label: string }[];
  linkRefused: string | null;
  error: { result?: { error?: Record<string, string[] | null> | null } } | null;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const refusal = error?.result?.error?.[""]?.[0] ?? (linkRefused ? `oidc.account.linkRefused.${linkRefused}` : null);
  return (
    <section aria-labelledby="inloggningar">
      <h2 id="inloggningar">{t("oidc.account.title")}</h2>
      {refusal ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p>{String(t(refusal))}</p>
        </div>
      ) : null}
      <dl className="facts">
        <dt>{t("oidc.account.password")}</dt>
        <dd>{t(ways.password ? "oidc.account.passwordSet" : "oidc.account.passwordNone")}</dd>
        {ways.identities.map((i) => (
          <div key={i.id} className="facts__row">
            <dt>{i.label}</dt>
            <dd>
              {/* What tells two identities apart: where they come from, and when they were linked. */}
              {i.where}
              {i.removed ? ` (${t("oidc.account.removedProvider")})` : ""} ·{" "}
              {t("oidc.account.linked", { date: formatDate(i.linkedAt, lang) })}
              <Form method="post">
                <input type="hidden" name="intent" value="unlinkIdentity" />
                <input type="hidden" name="identity" value={i.id} />
                <button type="submit" className="link-button">
                  {t("oidc.account.unlink", { label: i.label })}
                </button>
              </Form>
            </dd>
          </div>
        ))}
      </dl>
      {ways.identities.length === 0 ? <p>{t("oidc.account.none")}</p> : null}
      {ways.password ? null : (
        <p>
          {t("oidc.account.noPasswordLead")} <AppLink to="/glomt-losenord">{t("oidc.account.choosePassword")}</AppLink>
        </p>
      )}
      {providers.length ? <p>{t(ways.password ? "oidc.account.addLead" : "oidc.account.addNoPassword")}</p> : null}
      {providers.map((p) => (
        // Re-authentication first: the password travels with the request that starts the link.
        <Form key={p.id} method="post" action={`/logga-in/med/${p.id}`} reloadDocument className="form">
          <input type="hidden" name="purpose" value="link" />
          <input type="hidden" name="returnTo" value="/konto" />
          {ways.password ? (
            <div className="field">
              <label htmlFor={`link-password-${p.id}`} className="field__label">
                {t("oidc.account.addPassword")}
              </label>
              <input
                className="input"
                id={`link-password-${p.id}`}
                name="password"
                type="password"
                autoComplete="current-password"
                required
              />
            </div>
          ) : null}
          <button type="submit" className="button button--secondary">
            {t("oidc.account.add", { label: p.label })}
          </button>
        </Form>
      ))}
    </section>
  );
}
