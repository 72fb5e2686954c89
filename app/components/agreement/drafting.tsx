import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { AgreementView } from "~/domain/agreements/agreements.server";
import { sectionTitle } from "~/domain/agreements/agreement-text";
import { formatDateTime } from "~/i18n";
import { agreementCommentSchema, agreementDraftSchema } from "~/schemas/agreement";
import { FilterSelect } from "../filters";
import { AmountField, DateField, TextAreaField, TextField } from "../forms";
import { CollapsiblePanel } from "../layout";
import { useLang } from "../root-data";
import { useSchemaForm } from "../use-form";
import { IntentForm, type AgreementPageData, type Result } from "./shared";

// The agreement being written: its text with comments per section, the editor, earlier
// versions and their comparison (domain/agreements/drafting.server.ts).

/** Signed versions that a later signed change replaced: kept, each with its PDF. */
export function EarlierVersions({ view }: { view: AgreementView }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section aria-labelledby="earlier-heading">
      <h2 id="earlier-heading">{t("agreement.earlier")}</h2>
      <ul className="plain-list">
        {view.earlier.map((e) => (
          <li key={e.number}>
            {e.pdf ? (
              <a href={e.pdf} download>
                {t("agreement.downloadPdf", { number: e.number })}
              </a>
            ) : (
              t("agreement.version", { number: e.number })
            )}{" "}
            <span className="muted">{t("agreement.signedAt", { at: formatDateTime(e.signedAt, lang) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The text by section, with the comments on each and, for those who may, a form to comment. */
export function AgreementDocument({ view, resultFor }: { view: AgreementView; resultFor: (form: string) => Result }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section aria-labelledby="text-heading">
      <h2 id="text-heading">{t("agreement.text")}</h2>
      {view.sections.map((s, i) => (
        <section key={s.key} id={`section-${s.key}`} className="agreement-section" aria-labelledby={`h-${s.key}`}>
          <h3 id={`h-${s.key}`}>
            {i + 1}. {sectionTitle(s.key)}
          </h3>
          <p className="pre-line">{s.text || t("cases.notAnswered")}</p>
          {s.comments.length ? (
            <ul className="agreement-comments" aria-label={t("agreement.comments")}>
              {s.comments.map((cm) => (
                <li key={cm.id}>
                  <strong>{cm.author}</strong>{" "}
                  <span className="muted">
                    {formatDateTime(cm.at, lang)} · {t("agreement.version", { number: cm.number })}
                  </span>
                  <p className="pre-line">{cm.body}</p>
                </li>
              ))}
            </ul>
          ) : null}
          {view.may.comment ? <CommentForm section={s.key} lastResult={resultFor(`comment-${s.key}`)} /> : null}
        </section>
      ))}
    </section>
  );
}

/**
 * A comment on one section. After sending, the box is empty again (a new form for the new page)
 * and the confirmation is shown right here, where the person is, not only at the top.
 */
function CommentForm({ section, lastResult }: { section: string; lastResult: Result }) {
  const location = useLocation();
  const sent = new URLSearchParams(location.search).get("kommenterat") === section;
  const { t } = useTranslation();
  return (
    <>
      {sent ? (
        <p className="notice" role="status">
          {t("agreement.toasts.commented")}
        </p>
      ) : null}
      <CommentBox key={location.key} section={section} lastResult={lastResult} />
    </>
  );
}

function CommentBox({ section, lastResult }: { section: string; lastResult: Result }) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(agreementCommentSchema, lastResult, `comment-${section}`, { section });
  return (
    <CollapsiblePanel open={Boolean(lastResult)} title={t("agreement.commentOn", { section: sectionTitle(section) })}>
      <IntentForm form={form} intent="comment" submit={t("agreement.sendComment")} secondary>
        <input type="hidden" name="section" value={section} />
        <TextAreaField field={fields.body} label={t("agreement.fields.body")} rows={3} />
      </IntentForm>
    </CollapsiblePanel>
  );
}

/** Staff edit the text; each save that changes something becomes the next version. */
export function AgreementEditor({
  view,
  version,
  lastResult,
}: {
  view: AgreementView;
  version: number;
  lastResult: Result;
}) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(agreementDraftSchema, lastResult, "draft", {
    version: String(version),
    start: view.terms.start,
    end: view.terms.end,
    noticeMonths: String(view.terms.noticeMonths),
    municipalSekPerYear: String(view.terms.municipalSekPerYear),
    partnerOrgNumbers: view.terms.partners.map((p) => p.orgNumber).join("\n"),
    sections: Object.fromEntries(view.sections.map((s) => [s.key, s.text])),
  });
  const sections = fields.sections.getFieldset();
  return (
    <CollapsiblePanel open={Boolean(lastResult)} title={t("agreement.edit")}>
      <p>{t("agreement.editLead")}</p>
      <IntentForm form={form} intent="saveAgreement" version={version} submit={t("agreement.save")}>
        <div className="row">
          <DateField field={fields.start} label={t("agreement.fields.start")} />
          <DateField field={fields.end} label={t("agreement.fields.end")} />
        </div>
        <div className="row">
          <TextField
            field={fields.noticeMonths}
            label={t("agreement.fields.noticeMonths")}
            className="input--tiny"
            type="number"
          />
          <AmountField field={fields.municipalSekPerYear} label={t("agreement.fields.municipalSekPerYear")} />
        </div>
        <TextAreaField
          field={fields.partnerOrgNumbers}
          label={t("agreement.fields.partnerOrgNumbers")}
          hint={t("agreement.partnersHint")}
          rows={2}
          optional
        />
        {view.sections.map((s, i) => (
          <TextAreaField
            key={s.key}
            field={sections[s.key as keyof typeof sections]}
            label={`${i + 1}. ${sectionTitle(s.key)}`}
            rows={5}
            optional
          />
        ))}
      </IntentForm>
    </CollapsiblePanel>
  );
}

/** Every version with author and time, and a comparison of any two (a GET form, no script needed). */
export function VersionCompare({ view, diff }: { view: AgreementView; diff: AgreementPageData["diff"] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const options = view.versions.map((v) => ({
    value: String(v.number),
    label: t("agreement.version", { number: v.number }),
  }));
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t("agreement.versions")}</h2>
      <ol className="plain-list">
        {view.versions.map((v) => (
          <li key={v.number}>
            <strong>{t("agreement.version", { number: v.number })}</strong>{" "}
            <span className="muted">{t("agreement.savedBy", { name: v.author, at: formatDateTime(v.at, lang) })}</span>
          </li>
        ))}
      </ol>
      {view.versions.length > 1 ? (
        <Form method="get" className="form" aria-label={t("agreement.compare")}>
          <div className="row">
            <FilterSelect
              id="fran"
              name="fran"
              label={t("agreement.from")}
              fallback={String(view.number - 1)}
              options={options}
            />
            <FilterSelect
              id="till"
              name="till"
              label={t("agreement.to")}
              fallback={String(view.number)}
              options={options}
            />
          </div>
          <button type="submit" className="button button--secondary">
            {t("agreement.compare")}
          </button>
        </Form>
      ) : null}
      {diff ? <DiffView diff={diff} /> : null}
    </section>
  );
}

function DiffView({ diff }: { diff: NonNullable<AgreementPageData["diff"]> }) {
  const { t } = useTranslation();
  const changed = diff.sections.filter((s) => s.changed);
  return (
    <section className="diff panel" aria-labelledby="diff-heading">
      <h3 id="diff-heading">{t("agreement.diffTitle", { from: diff.from, to: diff.to })}</h3>
      <p className="muted">{t("agreement.diffLegend")}</p>
      {changed.length === 0 ? <p>{t("agreement.noChanges")}</p> : null}
      {changed.map((s) => (
        <div key={s.key} className="diff__section">
          <h4>{s.key === "terms" ? t("agreement.terms") : sectionTitle(s.key)}</h4>
          <p className="pre-line">
            {s.parts.map((p, i) =>
              p.change === "added" ? (
                <ins key={i}>
                  <span className="visually-hidden">{t("agreement.added")} </span>
                  {p.text}
                </ins>
              ) : p.change === "removed" ? (
                <del key={i}>
                  <span className="visually-hidden">{t("agreement.removed")} </span>
                  {p.text}
                </del>
              ) : (
                <span key={i}>{p.text}</span>
              ),
            )}
          </p>
        </div>
      ))}
    </section>
  );
}
