import { getFormProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, TextField } from "~/components/forms";
import { PageHeading } from "~/components/layout";
import { useSchemaForm } from "~/components/use-form";
import { giveSecondFactor, secondFactorPage } from "~/domain/installation/second-factor.server";
import { requireInstallationAdmin } from "~/http/installation.server";
import { invalid, parseForm, readForm } from "~/http/forms.server";
import { pageMeta } from "~/http/meta";
import { sessionToken } from "~/http/session.server";
import { secondFactorSchema } from "~/schemas/installation";

export const meta = pageMeta("installation.secondFactor.title");

/** The installation administrator's second factor (decision 035): a code, or first an app to connect. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireInstallationAdmin(request, { secondFactor: false });
  const page = await secondFactorPage(user._id);
  if (!page) throw new Response("Sidan finns inte", { status: 404 });
  return page;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireInstallationAdmin(request, { secondFactor: false });
  const submission = parseForm(await readForm(request), secondFactorSchema);
  if (submission.status !== "success") return invalid(submission);
  const result = await giveSecondFactor(
    user._id,
    (await sessionToken(request)) ?? "",
    submission.value.code,
    String(context.ip ?? ""),
  );
  if (result === "ok") throw redirect("/drift");
  if (typeof result === "object")
    return invalid(
      submission,
      { fieldErrors: { code: [`installation.secondFactor.errors.blocked|${result.blocked}`] } },
      429,
    );
  return invalid(submission, { fieldErrors: { code: [`installation.secondFactor.errors.${result}`] } }, 400);
}

export default function SecondFactor() {
  const { t } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(secondFactorSchema, actionData?.result);
  return (
    <div className="narrow">
      <PageHeading lead={t(page.enrolled ? "installation.secondFactor.lead" : "installation.secondFactor.enrolLead")}>
        {t(page.enrolled ? "installation.secondFactor.title" : "installation.secondFactor.enrolTitle")}
      </PageHeading>
      {page.enrolled ? null : (
        <div className="second-factor-enrol">
          <figure>
            {/* Made on the server from our own otpauth URI: no markup from outside. */}
            <div
              className="second-factor-qr"
              role="img"
              aria-label={t("installation.secondFactor.qrLabel")}
              dangerouslySetInnerHTML={{ __html: page.qr }}
            />
          </figure>
          <p>
            {t("installation.secondFactor.secretLabel")}:{" "}
            <code id="second-factor-secret" className="second-factor-secret">
              {page.secret}
            </code>
          </p>
        </div>
      )}
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorSummary form={form} labelPrefix="installation.secondFactor" />
        <TextField
          field={fields.code}
          label={t("installation.secondFactor.code")}
          hint={t("installation.secondFactor.codeHint")}
          autoComplete="one-time-code"
          type="number"
          className="input--short"
        />
        <button type="submit" className="button">
          {t("installation.secondFactor.submit")}
        </button>
      </Form>
      <p className="muted">{t("installation.secondFactor.lost")}</p>
    </div>
  );
}
