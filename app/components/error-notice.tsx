import { useTranslation } from "react-i18next";

/** What a refused action says (a locale key), as an alert above the page's forms. */
export function ErrorNotice({ message }: { message: string | null | undefined }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <p className="notice notice--error" role="alert">
      {t(message)}
    </p>
  );
}
