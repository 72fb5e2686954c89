import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "./layout";

/** Shown for a used, expired or unknown email link. */
export function InvalidLink({ titleKey, bodyKey }: { titleKey: string; bodyKey: string }) {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <PageHeading>{t(titleKey)}</PageHeading>
      <p>{t(bodyKey)}</p>
      <p>
        <Link to="/">{t("pages.backHome")}</Link>
      </p>
    </div>
  );
}
