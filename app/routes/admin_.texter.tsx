import { getFormProps, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextAreaField } from "~/components/forms";
import { formResults } from "~/components/form-results";
import { CollapsiblePanel, PageHeading } from "~/components/layout";
import { useLang } from "~/components/root-data";
import { useSchemaForm } from "~/components/use-form";
import { invalid, parseForm, readForm } from "~/http/forms.server";
import { requireContext, requireStaffPage } from "~/http/request.server";
import { can } from "~/domain/access/ability.server";
import { redirectWithToast } from "~/http/session.server";
import { pageMeta } from "~/http/meta";
import { PAGE_TEXT_KEYS, pageText, savePageText } from "~/domain/public-body/page-texts.server";
import { formatDate, LANGUAGES } from "~/i18n";
import { pageTextSchema } from "~/schemas/page-text";

export const meta = pageMeta("pageTexts.title");

async function requireAdmin(request: Request) {
  const ctx = await requireContext(request);
  requireStaffPage(ctx, can(ctx.ability, "update", "PageText", { publicBodyId: ctx.publicBody._id }));
  return ctx;
}

/** Administrators keep the public body's own texts: accessibility statement, privacy notice, appeal. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { publicBody } = await requireAdmin(request);
  const texts = await Promise.all(
    PAGE_TEXT_KEYS.flatMap((key) =>
      LANGUAGES.map(async (lang) => ({ key, lang, ...(await pageText(publicBody._id, key, lang)) })),
    ),
  );
  return { texts };
}

export async function action({ request }: ActionFunctionArgs) {
  const { publicBody, user } = await requireAdmin(request);
  const formData = await readForm(request);
  const submission = parseForm(formData, pageTextSchema);
  const form = `${String(formData.get("key"))}-${String(formData.get("lang"))}`;
  if (submission.status !== "success") return invalid(submission, {}, 400, form);
  const { key, lang, body } = submission.value;
  await savePageText(publicBody._id, key, lang, body, user._id);
  return redirectWithToast("/admin/texter", "pageTexts.saved");
}

type Text = ReturnType<typeof useLoaderData<typeof loader>>["texts"][number];

function TextForm({ text, lastResult }: { text: Text; lastResult: SubmissionResult<string[]> | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  const id = `${text.key}-${text.lang}`;
  const [form, fields] = useSchemaForm(pageTextSchema, lastResult, id, {
    key: text.key,
    lang: text.lang,
    body: text.body,
  });
  return (
    <CollapsiblePanel
      open={Boolean(lastResult)}
      title={`${String(t(`pageTexts.keys.${text.key}`))} (${String(t(`pageTexts.language.${text.lang}`))})`}
    >
      <p className="muted">
        {text.updatedAt ? t("pageTexts.updated", { date: formatDate(text.updatedAt, lang) }) : t("pageTexts.standard")}
      </p>
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorSummary form={form} labelPrefix="pageTexts" />
        <input type="hidden" name={fields.key.name} value={text.key} />
        <input type="hidden" name={fields.lang.name} value={text.lang} />
        <TextAreaField field={fields.body} label={t("pageTexts.body")} rows={16} />
        <button type="submit" className="button">
          {t("pageTexts.save")}
        </button>
      </Form>
    </CollapsiblePanel>
  );
}

export default function PageTexts() {
  const { t } = useTranslation();
  const { texts } = useLoaderData<typeof loader>();
  const { resultFor } = formResults(useActionData<typeof action>());
  return (
    <>
      <p>
        <AppLink to="/admin">← {t("admin.title")}</AppLink>
      </p>
      <PageHeading lead={t("pageTexts.lead")}>{t("pageTexts.title")}</PageHeading>
      {texts.map((text) => (
        <TextForm
          key={`${text.key}-${text.lang}-${text.updatedAt ?? ""}`}
          text={text}
          lastResult={resultFor(`${text.key}-${text.lang}`)}
        />
      ))}
    </>
  );
}
