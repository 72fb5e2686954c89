import { AppLink } from "../app-link";
import { useTranslation } from "react-i18next";
import type { AgreementView } from "~/domain/agreements/agreements.server";
import { formatDateTime } from "~/i18n";
import { amendmentSchema, terminateSchema } from "~/schemas/agreement";
import { ChoiceGroup, DateField, TextAreaField } from "../forms";
import { CollapsiblePanel } from "../layout";
import { useLang } from "../root-data";
import { useSchemaForm } from "../use-form";
import { IntentForm, ActionPanel, type Result } from "./shared";

// Changing and ending the agreement in force: a change under way, an extension, notice
// (domain/agreements/ending.server.ts).

/** A change under way: what it changes, why, and (for staff) dropping it. */
export function AmendmentNotice({ view, version }: { view: AgreementView; version: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const a = view.amendment;
  if (!a) return null;
  return (
    <section className="panel panel--task" aria-labelledby="amendment-heading">
      <h2 id="amendment-heading">{t(`agreement.amendment.${a.kind}`, { number: view.number })}</h2>
      <p>{t("agreement.amendment.lead", { basedOn: a.basedOn, number: view.number })}</p>
      <p className="muted">
        {t("agreement.amendment.startedBy", { name: a.startedBy, at: formatDateTime(a.startedAt, lang) })}
      </p>
      <p className="pre-line">
        <strong>{t("agreement.fields.changeReason")}:</strong> {a.reason}
      </p>
      <p>
        <AppLink to={`?fran=${a.basedOn}&till=${view.number}#diff-heading`}>
          {t("agreement.amendment.compare", { basedOn: a.basedOn })}
        </AppLink>
        {view.inForce ? (
          <>
            {" · "}
            <a href={view.inForce.pdf} download>
              {t("agreement.downloadPdf", { number: view.inForce.number })}
            </a>
          </>
        ) : null}
      </p>
      {view.may.withdrawAmendment ? (
        <ActionPanel
          lead={t("agreement.amendment.withdrawLead")}
          intent="withdrawAmendment"
          version={version}
          secondary
        >
          {t("agreement.amendment.withdraw")}
        </ActionPanel>
      ) : null}
    </section>
  );
}

/** Staff start a change: renegotiate the text, or extend the term to a later end date. */
export function AmendForm({ end, version, lastResult }: { end: string; version: number; lastResult: Result }) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(amendmentSchema, lastResult, "amend", { version: String(version) });
  return (
    <CollapsiblePanel open={Boolean(lastResult)} title={t("agreement.amendment.start")}>
      <p>{t("agreement.amendment.startLead")}</p>
      <IntentForm form={form} intent="amend" version={version} submit={t("agreement.amendment.start")}>
        <ChoiceGroup
          field={fields.kind}
          type="radio"
          legend={t("agreement.fields.kind")}
          options={(["renegotiation", "extension"] as const).map((k) => ({
            value: k,
            label: t(`agreement.amendment.kinds.${k}`),
          }))}
        />
        <DateField field={fields.end} label={t("agreement.fields.newEnd", { end })} optional />
        <TextAreaField field={fields.changeReason} label={t("agreement.fields.changeReason")} rows={3} />
      </IntentForm>
    </CollapsiblePanel>
  );
}

/** Either party may give notice; the agreement then ends after the notice period. */
export function TerminateForm({ version, lastResult }: { version: number; lastResult: Result }) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(terminateSchema, lastResult, "terminate", { version: String(version) });
  return (
    <CollapsiblePanel open={Boolean(lastResult)} title={t("agreement.terminate")}>
      <p>{t("agreement.terminateLead")}</p>
      <IntentForm form={form} intent="terminate" version={version} submit={t("agreement.terminate")} secondary>
        <TextAreaField field={fields.reason} label={t("agreement.fields.reason")} rows={3} />
        <ChoiceGroup
          field={fields.confirm}
          type="checkbox"
          legend={t("agreement.fields.confirmLegend")}
          options={[{ value: "on", label: t("agreement.confirmTermination") }]}
        />
      </IntentForm>
    </CollapsiblePanel>
  );
}
