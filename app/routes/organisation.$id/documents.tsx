import { subject as subjectOf } from "@casl/ability";
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useAppAbility } from "~/components/ability";
import { ErrorSummary, FileField, SelectField, TextField } from "~/components/forms";
import { useLang } from "~/components/root-data";
import { StackedTable } from "~/components/stacked-table";
import { useSchemaForm } from "~/components/use-form";
import type { OrganisationPageData } from "~/domain/organisations/organisations.server";
import { formatBytes, formatDate } from "~/i18n";
import { ORG_DOCUMENT_KINDS_LIST } from "#models/constants";
import { uploadSchema } from "~/schemas/organisation";
import type { Scope } from "./members";

/** The organisation's own documents (statutes, annual report …), shared with the office. */
export function DocumentsSection({
  orgId,
  documents,
  scope,
  lastResult,
}: {
  orgId: string;
  documents: NonNullable<OrganisationPageData["documents"]>;
  scope: Scope;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const ability = useAppAbility();
  const [form, fields] = useSchemaForm(uploadSchema, lastResult, "upload");
  const fileError = fields.file?.errors?.[0];
  const mayDelete = ability.can("delete", subjectOf("OrgDocument", { ...scope }));
  return (
    <section aria-labelledby="org-documents">
      <h2 id="org-documents">{t("org.documents")}</h2>
      <p>{t("org.documentsLead")}</p>
      {documents.length === 0 ? (
        <p>{t("org.noDocuments")}</p>
      ) : (
        <StackedTable
          caption={t("org.documents")}
          rows={documents}
          columns={[
            {
              label: t("org.table.title"),
              cell: (d) => (
                <>
                  <a href={`/organisation/${orgId}/dokument/${d.id}`} download>
                    {d.title}
                  </a>{" "}
                  <span className="muted">({d.filename})</span>
                </>
              ),
            },
            { label: t("org.table.kind"), cell: (d) => t(`org.docKinds.${d.kind}`) },
            { label: t("org.table.size"), cell: (d) => formatBytes(d.size) },
            { label: t("org.table.date"), cell: (d) => formatDate(d.createdAt, lang) },
            {
              label: t("org.table.action"),
              cell: (d) =>
                mayDelete && !d.registered ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="deleteDocument" />
                    <input type="hidden" name="documentId" value={d.id} />
                    <button type="submit" className="link-button link-button--danger">
                      {t("org.deleteDoc", { title: d.title })}
                    </button>
                  </Form>
                ) : null,
            },
          ]}
        />
      )}
      {ability.can("create", subjectOf("OrgDocument", { ...scope })) ? (
        <div className="panel">
          <h3 id="upload-heading">{t("org.upload")}</h3>
          <Form
            method="post"
            encType="multipart/form-data"
            {...getFormProps(form)}
            className="form"
            aria-labelledby="upload-heading"
          >
            <input type="hidden" name="intent" value="upload" />
            <ErrorSummary form={form} />
            <SelectField
              field={fields.kind}
              label={t("org.docKind")}
              placeholder=""
              options={ORG_DOCUMENT_KINDS_LIST.map((value) => ({ value, label: String(t(`org.docKinds.${value}`)) }))}
            />
            <TextField field={fields.title} label={t("org.docTitle")} hint={t("org.docTitleHint")} />
            <FileField id={`${form.id}-file`} error={fileError} />
            <button type="submit" className="button">
              {t("org.upload")}
            </button>
          </Form>
        </div>
      ) : null}
    </section>
  );
}
