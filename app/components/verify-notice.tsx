import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** "Confirm your email first", with the way to get a new link right there (no dead end). */
export function VerifyFirstNotice({ message }: { message?: string }) {
  const { t } = useTranslation();
  return (
    <div className="notice notice--warning">
      <p>{message ?? t("org.needsVerified")}</p>
      <Form method="post" action="/verifiera-epost">
        <button type="submit" className="button button--secondary">
          {t("auth.verify.resend")}
        </button>
      </Form>
    </div>
  );
}
