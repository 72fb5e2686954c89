import { useTranslation } from "react-i18next";
import type { agreementInForce } from "~/domain/agreements/follow-up";
import { formatDate, formatSek } from "~/i18n";
import { useLang } from "./root-data";

/**
 * An agreement in force where the organisation lands (its start page, its case page): the term,
 * the next report with its due day and the next planned payment.
 */
export function AgreementInForce({ a }: { a: NonNullable<ReturnType<typeof agreementInForce>> }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <ul className="plain-list">
      <li>{t("start.org.term", { start: formatDate(a.start, lang), end: formatDate(a.end, lang) })}</li>
      <li>
        {a.nextReport
          ? t("start.org.nextReport", { year: a.nextReport.year, due: formatDate(a.nextReport.due, lang) })
          : t("start.org.noReportLeft")}
      </li>
      {a.nextPayment ? (
        <li>
          {t("start.org.nextPayment", {
            date: formatDate(a.nextPayment.date, lang),
            amount: formatSek(a.nextPayment.amountSek),
          })}
        </li>
      ) : null}
    </ul>
  );
}
