import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { AgreementView } from "~/domain/agreements/agreements.server";
import { formatDateTime } from "~/i18n";
import { sendForSigningSchema, signSchema, signWithEidSchema } from "~/schemas/agreement";
import { ErrorNotice } from "../error-notice";
import { ChoiceGroup, SelectField, TextField } from "../forms";
import { useLang } from "../root-data";
import { useSchemaForm } from "../use-form";
import { ProviderButton } from "../provider-button";
import { IntentForm, type AgreementPageData, type Result } from "./shared";

// Out for signing: who has signed, the signing form, and sending the text for signing
// (domain/agreements/signing.server.ts).

export function SigningStatus({ view }: { view: AgreementView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const signing = view.signing;
  if (!signing) return null;
  return (
    <section className="panel" aria-labelledby="signing-heading">
      <h2 id="signing-heading">{t("agreement.signingTitle", { number: signing.number })}</h2>
      <ul className="plain-list">
        {signing.signers.map((s) => (
          <li key={`${s.party}-${s.name}`}>
            <strong>{s.name}</strong>, {s.role}:{" "}
            {s.at ? t("agreement.signedAt", { at: formatDateTime(s.at, lang) }) : t("agreement.notSigned")}
          </li>
        ))}
      </ul>
      <p className="muted hash">{t("agreement.hash", { hash: signing.hash })}</p>
      {view.pdf ? (
        <p>
          <a href={view.pdf} download>
            {t("agreement.downloadPdf", { number: signing.number })}
          </a>
        </p>
      ) : null}
    </section>
  );
}

/**
 * The signer reads the version and signs it by giving their password again, or, where the public
 * body asks for e-ID, after a fresh e-ID authentication (which returns here).
 */
export function SignForm({
  view,
  signWith,
  lastResult,
}: {
  view: AgreementView;
  signWith: AgreementPageData["signWith"];
  lastResult: Result;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const eid = signWith?.provider ?? null;
  const [form, fields] = useSchemaForm(eid ? signWithEidSchema : signSchema, lastResult, "sign");
  const mine = view.mySigning;
  const location = useLocation();
  if (!mine || !view.signing) return null;
  if (eid && !signWith?.fresh) {
    return (
      <section className="panel panel--task" aria-labelledby="sign-heading">
        <h2 id="sign-heading">{t("agreement.signTitle", { number: view.signing.number })}</h2>
        {/* A refused signature (the e-ID too old, or missing) is said here, above the button. */}
        <ErrorNotice
          message={Object.values(lastResult?.error ?? {})
            .flat()
            .find(Boolean)}
        />
        <p>{t("agreement.signEidLead", { provider: eid.label })}</p>
        <ProviderButton
          providerId={eid.id}
          purpose="stepup"
          returnTo={`${location.pathname}#sign-heading`}
          signing={signWith?.signing ?? undefined}
          label={t("agreement.signEidStart", { provider: eid.label })}
        />
      </section>
    );
  }
  return (
    <section className="panel panel--task" aria-labelledby="sign-heading">
      <h2 id="sign-heading">{t("agreement.signTitle", { number: view.signing.number })}</h2>
      <p>
        {signWith?.fresh
          ? t("agreement.signEidDone", {
              provider: signWith.fresh.label,
              time: formatDateTime(signWith.fresh.authTime, lang),
            })
          : t("agreement.signLead")}
      </p>
      <IntentForm form={form} intent="sign" submit={t("agreement.sign")}>
        {/* The signature is of exactly this text: a changed version is refused, not signed. */}
        <input type="hidden" name="signingNumber" value={view.signing.number} />
        <input type="hidden" name="signingHash" value={view.signing.hash} />
        <ChoiceGroup
          field={fields.confirm}
          type="checkbox"
          legend={t("agreement.fields.confirmLegend")}
          options={[{ value: "on", label: t("agreement.confirm", { number: view.signing.number, role: mine.role }) }]}
        />
        {eid ? null : (
          <TextField
            field={(fields as typeof fields & { password: (typeof fields)["confirm"] }).password}
            label={t("agreement.fields.password")}
            type="password"
            autoComplete="current-password"
          />
        )}
      </IntentForm>
    </section>
  );
}

export function SendForSigning({
  choices,
  version,
  lastResult,
}: {
  choices: NonNullable<AgreementPageData["choices"]>;
  version: number;
  lastResult: Result;
}) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(sendForSigningSchema, lastResult, "send", { version: String(version) });
  return (
    <section className="panel" aria-labelledby="send-heading">
      <h2 id="send-heading">{t("agreement.sendTitle")}</h2>
      <p>{t("agreement.sendLead")}</p>
      <ul className="plain-list">
        {choices.organisations.map((o) => (
          <li key={o.id}>{t("agreement.signingRule", { organisation: o.name, count: o.required })}</li>
        ))}
      </ul>
      <IntentForm form={form} intent="sendForSigning" version={version} submit={t("agreement.send")}>
        <ChoiceGroup
          field={fields.organisationSignerIds}
          type="checkbox"
          legend={t("agreement.fields.organisationSignerIds")}
          options={choices.organisation.map((m) => ({
            value: m.id,
            label: choices.organisations.length > 1 ? `${m.name} (${m.organisation})` : m.name,
          }))}
        />
        <SelectField
          field={fields.delegateId}
          label={t("agreement.fields.delegateId")}
          placeholder=""
          options={choices.municipality.map((m) => ({ value: m.id, label: m.name }))}
        />
      </IntentForm>
    </section>
  );
}
