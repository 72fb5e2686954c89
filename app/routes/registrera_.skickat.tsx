import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";
import { PageHeading } from "~/components/layout";
import { readForm } from "~/http/forms.server";
import { getLang } from "~/http/lang.server";
import { resendVerification } from "~/domain/identity/accounts.server";
import { redirectWithToast } from "~/http/session.server";
import { pageMeta } from "~/http/meta";
import { emailField } from "~/domain/kernel/validation";

export const meta = pageMeta("auth.register.sentTitle");

const emailOf = (value: unknown) => {
  const parsed = emailField.safeParse(typeof value === "string" ? value : "");
  return parsed.success ? parsed.data : "";
};

export function loader({ request }: LoaderFunctionArgs) {
  return { email: emailOf(new URL(request.url).searchParams.get("email")) };
}

/** "Send the link again": the same answer whether or not the address has an unverified account. */
export async function action({ request }: ActionFunctionArgs) {
  const email = emailOf((await readForm(request)).get("email"));
  if (email) await resendVerification(email, await getLang(request));
  return redirectWithToast(`/registrera/skickat?${new URLSearchParams({ email })}`, "auth.register.resent");
}

export default function RegisterSent() {
  const { t } = useTranslation();
  const { email } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <PageHeading>{t("auth.register.sentTitle")}</PageHeading>
      <p className="lead">{t("auth.register.sent", { email })}</p>
      <h2>{t("auth.register.noEmailTitle")}</h2>
      <ul>
        <li>{t("auth.register.spamHint")}</li>
        <li>{t("auth.register.waitHint")}</li>
      </ul>
      <Form method="post" className="form">
        <input type="hidden" name="email" value={email} />
        <button type="submit" className="button button--secondary">
          {t("auth.verify.resend")}
        </button>
      </Form>
      <h2>{t("auth.register.wrongAddressTitle")}</h2>
      <p>
        {t("auth.register.wrongAddress")} <AppLink to="/registrera">{t("auth.register.again")}</AppLink>
      </p>
    </div>
  );
}
