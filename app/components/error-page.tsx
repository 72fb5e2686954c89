import { AppLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";
import { useRootData } from "./root-data";

/** Friendly pages for 404, 403, 409, 503 and everything else (500). */
export function ErrorPage({ status }: { status: number }) {
  const { t } = useTranslation();
  const office = useRootData()?.publicBody?.officeName ?? "civilsamhällskontoret";
  const key = errorKey(status);
  return (
    <div className="error-page">
      <h1>{t(`pages.${key}.title`)}</h1>
      <p>{t(`pages.${key}.body`, { office })}</p>
      <p>
        <AppLink to="/">{t("pages.backHome")}</AppLink>
      </p>
    </div>
  );
}

export const errorKey = (status: number) =>
  status === 400 || status === 413 || status === 415
    ? "badRequest"
    : status === 404
      ? "notFound"
      : status === 403
        ? "forbidden"
        : status === 409
          ? "conflict"
          : status === 503
            ? "unavailable"
            : "serverError";
