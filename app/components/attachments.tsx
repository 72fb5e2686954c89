import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { CasePageData } from "~/domain/casework/case-page.server";
import { formatBytes } from "~/i18n";
import { attachSchema } from "~/schemas/proposal";
import { ErrorSummary, FileField, TextField } from "./forms";
import { CollapsiblePanel } from "./layout";
import { useSchemaForm } from "./use-form";

/** The case's attachments (GridFS), and for the organisation a form to add one. */
export function Attachments({
  attachments,
  canAttach,
  version,
  lastResult,
  heading,
  formOpen = false,
}: {
  attachments: CasePageData["attachments"];
  canAttach: boolean;
  version: number;
  lastResult: SubmissionResult<string[]> | undefined;
  /** Where the page itself is about attachments, the list is named differently. */
  heading?: string;
  formOpen?: boolean;
}) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(attachSchema, lastResult, `attach-${version}`);
  return (
    <section aria-labelledby="attachments-heading">
      <h2 id="attachments-heading">{heading ?? t("cases.attachments")}</h2>
      {attachments.length === 0 ? (
        <p className="muted">{t("cases.noAttachments")}</p>
      ) : (
        <ul>
          {attachments.map((a) => (
            <li key={a.id}>
              <a href={a.href} download>
                {a.title}
              </a>{" "}
              <span className="muted">
                ({a.filename}, {formatBytes(a.size)})
              </span>
            </li>
          ))}
        </ul>
      )}
      {canAttach ? (
        <CollapsiblePanel open={formOpen || Boolean(lastResult)} title={t("cases.attach")}>
          <p>{t("cases.attachmentsLead")}</p>
          <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="form">
            <ErrorSummary form={form} />
            <input type="hidden" name="intent" value="attach" />
            <TextField field={fields.title} label={t("cases.attachmentTitle")} />
            <FileField id={`${form.id}-file`} error={fields.file.errors?.[0]} />
            <button type="submit" className="button button--secondary">
              {t("cases.attach")}
            </button>
          </Form>
        </CollapsiblePanel>
      ) : null}
    </section>
  );
}
