import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PROVIDER_AUDIENCES } from "#models/constants";
import { formatDateTime } from "~/i18n";
import { providerSchema } from "~/schemas/admin";
import { ChoiceGroup, ErrorSummary, SelectField, TextAreaField, TextField } from "./forms";
import { useLang } from "./root-data";
import { useSchemaForm } from "./use-form";
import { ProviderButton } from "./provider-button";

// /admin: how people sign in — the OpenID providers (decision 016). Secrets are write-only.

export interface ProviderRow {
  id: string;
  label: string;
  issuer: string;
  clientId: string;
  hasSecret: boolean;
  scopes: string;
  audience: string;
  stepUpForSigning: boolean;
  groupsClaim: string;
  groupRoles: { group: string; role: string }[];
  enabled: boolean;
  failures: { at: string | Date; reason: string; code?: string }[];
  lastTest?: { at: string | Date; ok: boolean };
}

type Result = SubmissionResult<string[]> | undefined;

export function IdentityProviders({
  providers,
  redirectUri,
  resultFor,
}: {
  providers: ProviderRow[];
  redirectUri: string;
  resultFor: (form: string) => Result;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="inloggning">
      <h2 id="inloggning">{t("oidc.admin.title")}</h2>
      <p>{t("oidc.admin.lead", { redirectUri })}</p>
      {providers.length === 0 ? <p>{t("oidc.admin.none")}</p> : null}
      {providers.map((p) => (
        <ProviderPanel key={p.id} provider={p} lastResult={resultFor(`provider-${p.id}`)} />
      ))}
      <details className="panel" open={Boolean(resultFor("provider-new"))}>
        <summary>{t("oidc.admin.add")}</summary>
        <ProviderForm id="provider-new" lastResult={resultFor("provider-new")} />
      </details>
    </section>
  );
}

function ProviderPanel({ provider: p, lastResult }: { provider: ProviderRow; lastResult: Result }) {
  const { t } = useTranslation();
  const lang = useLang();
  const headingId = `provider-${p.id}-heading`;
  return (
    <div className="panel" aria-labelledby={headingId} role="group">
      <h3 id={headingId}>{p.label}</h3>
      <dl className="facts">
        <dt>{t("oidc.admin.issuer")}</dt>
        <dd>{p.issuer}</dd>
        <dt>{t("oidc.admin.audience")}</dt>
        <dd>{t(`oidc.admin.audiences.${p.audience}`)}</dd>
        <dt>{t("oidc.admin.state")}</dt>
        <dd>{t(p.enabled ? "oidc.admin.on" : "oidc.admin.off")}</dd>
        <dt>{t("oidc.admin.clientSecret")}</dt>
        <dd>{t(p.hasSecret ? "oidc.admin.secretSaved" : "oidc.admin.secretNone")}</dd>
        <dt>{t("oidc.admin.lastTest")}</dt>
        <dd>
          {p.lastTest
            ? t(p.lastTest.ok ? "oidc.admin.testedOk" : "oidc.admin.testedFailed", {
                time: formatDateTime(p.lastTest.at, lang),
              })
            : t("oidc.admin.notTested")}
        </dd>
      </dl>
      <h4>{t("oidc.admin.failures")}</h4>
      {p.failures.length === 0 ? (
        <p>{t("oidc.admin.noFailures")}</p>
      ) : (
        <ul>
          {p.failures.map((f, i) => (
            <li key={i}>
              {formatDateTime(f.at, lang)}: {t(`oidc.errors.${f.reason}`)}
              {f.code ? ` (${f.code})` : ""}
            </li>
          ))}
        </ul>
      )}
      <div className="button-row">
        <ProviderButton
          providerId={p.id}
          purpose="test"
          returnTo="/admin#inloggning"
          label={t("oidc.admin.test", { label: p.label })}
          secondary
        />
      </div>
      <details open={Boolean(lastResult)}>
        <summary>{t("oidc.admin.edit", { label: p.label })}</summary>
        <ProviderForm id={`provider-${p.id}`} provider={p} lastResult={lastResult} />
      </details>
      <details className="provider-remove">
        <summary>{t("oidc.admin.delete", { label: p.label })}</summary>
        <Form method="post">
          <p className="notice notice--warning">{t("oidc.admin.deleteWarning", { label: p.label })}</p>
          <input type="hidden" name="intent" value="deleteProvider" />
          <input type="hidden" name="providerId" value={p.id} />
          <button type="submit" name="confirm" value="yes" className="button button--warning">
            {t("oidc.admin.deleteConfirm", { label: p.label })}
          </button>
        </Form>
      </details>
    </div>
  );
}

/** One form to add or change a provider; the secret field is empty and keeps the saved secret. */
function ProviderForm({ id, provider, lastResult }: { id: string; provider?: ProviderRow; lastResult: Result }) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(providerSchema, lastResult, id, {
    providerId: provider?.id,
    label: provider?.label ?? "",
    issuer: provider?.issuer ?? "",
    clientId: provider?.clientId ?? "",
    scopes: provider?.scopes ?? "openid profile email",
    audience: provider?.audience ?? "organisation",
    stepUpForSigning: provider?.stepUpForSigning ? "on" : undefined,
    groupsClaim: provider?.groupsClaim ?? "groups",
    groupRoles: (provider?.groupRoles ?? []).map((g) => `${g.group} = ${g.role}`).join("\n"),
    enabled: provider ? (provider.enabled ? "on" : undefined) : "on",
  });
  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <ErrorSummary form={form} labelPrefix="oidc.admin" />
      <input type="hidden" name="intent" value="saveProvider" />
      {provider ? <input type="hidden" name="providerId" value={provider.id} /> : null}
      <TextField field={fields.label} label={t("oidc.admin.label")} hint={t("oidc.admin.labelHint")} />
      <TextField field={fields.issuer} label={t("oidc.admin.issuer")} type="url" />
      <TextField field={fields.clientId} label={t("oidc.admin.clientId")} autoComplete="off" />
      <TextField
        field={fields.clientSecret}
        label={t("oidc.admin.clientSecret")}
        hint={t(provider?.hasSecret ? "oidc.admin.secretKeep" : "oidc.admin.secretHint")}
        type="password"
        autoComplete="new-password"
        optional
      />
      <TextField field={fields.scopes} label={t("oidc.admin.scopes")} />
      <SelectField
        field={fields.audience}
        label={t("oidc.admin.audience")}
        options={PROVIDER_AUDIENCES.map((value) => ({ value, label: String(t(`oidc.admin.audiences.${value}`)) }))}
      />
      <ChoiceGroup
        field={fields.stepUpForSigning}
        type="checkbox"
        legend={t("oidc.admin.stepUpLegend")}
        options={[{ value: "on", label: t("oidc.admin.stepUp") }]}
      />
      <TextField field={fields.groupsClaim} label={t("oidc.admin.groupsClaim")} optional />
      <TextAreaField
        field={fields.groupRoles}
        label={t("oidc.admin.groupRoles")}
        hint={t("oidc.admin.groupRolesHint")}
        optional
        rows={3}
      />
      <ChoiceGroup
        field={fields.enabled}
        type="checkbox"
        legend={t("oidc.admin.state")}
        options={[{ value: "on", label: t("oidc.admin.enabled") }]}
      />
      <button type="submit" className="button">
        {t("oidc.admin.save")}
      </button>
    </Form>
  );
}
