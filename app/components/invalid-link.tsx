import { AppLink } from "~/components/app-link";
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
        <AppLink to="/">{t("pages.backHome")}</AppLink>
      </p>
    </div>
  );
}
