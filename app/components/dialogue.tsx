import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { formatDateTime } from "~/i18n";
import { messageSchema } from "~/schemas/dialogue";
import { ErrorSummary, FileField, TextAreaField, TextField } from "./forms";
import { useLang } from "./root-data";
import { useSchemaForm } from "./use-form";

export interface DialogueEntry {
  id: string;
  kind: string;
  authorName: string;
  fromOrganisation: boolean;
  body: string;
  internalBody: string;
  meetingDate: string | null;
  participants: string;
  meetingTime: string;
  place: string;
  confirmed: boolean;
  attachmentHref: string | null;
  at: string;
}

/** Messages, meetings and (for staff) internal notes, oldest first; internal text stands out. */
export function Dialogue({ entries }: { entries: DialogueEntry[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (entries.length === 0) return <p className="muted">{t("dialogue.empty")}</p>;
  return (
    <ol className="dialogue">
      {entries.map((m) => (
        <li
          key={m.id}
          className={`dialogue__item${m.kind === "internal" ? " dialogue__item--internal" : ""}${m.fromOrganisation ? " dialogue__item--org" : ""}`}
        >
          <p className="dialogue__meta">
            <strong>{t(`dialogue.kinds.${m.kind}`)}</strong> · {m.authorName} ·{" "}
            <time dateTime={m.at}>{formatDateTime(m.at, lang)}</time>
          </p>
          {m.kind === "meeting" ? (
            <p className="muted">
              {t("dialogue.meetingOn", { date: m.meetingDate ?? "" })} · {t("dialogue.participants")}: {m.participants}
            </p>
          ) : null}
          {m.kind === "meetingInvite" ? (
            <p>
              <strong>
                {t("dialogue.inviteDetails", { date: m.meetingDate ?? "", time: m.meetingTime, place: m.place })}
              </strong>{" "}
              <span className={m.confirmed ? "badge badge--ok" : "badge badge--warn"}>
                {m.confirmed ? t("dialogue.confirmed") : t("dialogue.notConfirmed")}
              </span>
            </p>
          ) : null}
          {m.body ? <p className="pre-line">{m.body}</p> : null}
          {m.attachmentHref ? (
            <p>
              <a href={m.attachmentHref} download>
                {t("dialogue.attachment")}
              </a>
            </p>
          ) : null}
          {m.internalBody ? (
            <div className="internal">
              <p className="internal__label">{t("dialogue.internalLabel")}</p>
              <p className="pre-line">{m.internalBody}</p>
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

interface FieldSpec {
  name: string;
  label: string;
  hint?: string;
  kind?: "textarea" | "text" | "short";
  optional?: boolean;
}

/** A small form of the case page: its own zod schema, an intent and the case version. */
export function CaseActionForm<S extends z.ZodType<Record<string, unknown>, Record<string, unknown>>>({
  id,
  schema,
  intent,
  version,
  fields: specs,
  submitLabel,
  lastResult,
  children,
  secondary,
  withFile,
}: {
  id: string;
  schema: S;
  intent: string;
  version?: number;
  fields: FieldSpec[];
  submitLabel: string;
  lastResult: SubmissionResult<string[]> | undefined;
  children?: ReactNode;
  secondary?: boolean;
  /** Adds an optional file (sent as multipart). */
  withFile?: boolean;
}) {
  const [form, fields] = useSchemaForm(schema, lastResult, id);
  const all = fields as unknown as Record<string, Parameters<typeof TextField>[0]["field"]>;
  return (
    <Form method="post" {...getFormProps(form)} encType={withFile ? "multipart/form-data" : undefined} className="form">
      <ErrorSummary form={form} labelPrefix="dialogue.fields" />
      <input type="hidden" name="intent" value={intent} />
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      {specs.map((spec) => {
        const field = all[spec.name];
        if (!field) return null;
        return spec.kind === "textarea" || spec.kind === undefined ? (
          <TextAreaField
            key={spec.name}
            field={field}
            label={spec.label}
            hint={spec.hint}
            optional={spec.optional}
            rows={4}
          />
        ) : (
          <TextField
            key={spec.name}
            field={field}
            label={spec.label}
            hint={spec.hint}
            optional={spec.optional}
            className={spec.kind === "short" ? "input--short" : undefined}
          />
        );
      })}
      {withFile ? <FileField id={`${form.id}-file`} error={all.file?.errors?.[0]} optional /> : null}
      {children}
      <button type="submit" className={secondary ? "button button--secondary" : "button"}>
        {submitLabel}
      </button>
    </Form>
  );
}

/** "Write to the other side": the same message form on the organisation's and the staff's page. */
export function MessageForm({
  version,
  headingKey,
  lastResult,
}: {
  version: number;
  headingKey: string;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="write-heading">
      <h3 id="write-heading">{t(headingKey)}</h3>
      <CaseActionForm
        key={version}
        id="message"
        schema={messageSchema}
        intent="message"
        fields={[{ name: "body", label: t("dialogue.fields.body") }]}
        submitLabel={t("dialogue.send")}
        lastResult={lastResult}
        withFile
      />
    </section>
  );
}
