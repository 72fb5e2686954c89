import { useSearchParams } from "@remix-run/react";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";

/** Previous/next links that keep the page's other query parameters (search, filters). */
export function Pagination({ page, pages }: { page: number; pages: number }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  if (pages <= 1) return null;
  const link = (n: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(n));
    return `?${next.toString()}`;
  };
  return (
    <nav className="pagination" aria-label={t("inbox.pagination")}>
      {page > 1 ? <AppLink to={link(page - 1)}>{t("inbox.prev")}</AppLink> : null}
      <span>{t("inbox.page", { page, pages })}</span>
      {page < pages ? <AppLink to={link(page + 1)}>{t("inbox.next")}</AppLink> : null}
    </nav>
  );
}
