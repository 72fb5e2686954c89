import { AppLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/case";
import { useLang } from "~/components/root-data";
import { StackedTable } from "~/components/stacked-table";
import type { StartPageData } from "~/domain/start/start-page.server";
import { formatDate, formatNumber } from "~/i18n";
import { SectionHeading } from "~/components/heading-level";

type Data = NonNullable<StartPageData["office"]>;
const caseLink = (c: { id: string; title: string }) => (
  <AppLink to={`/handlaggning/arenden/${c.id}`}>{c.title}</AppLink>
);

/** The civil-society office: cases to route, cases gone quiet, and each officer's workload. */
export function OfficeSections({ data }: { data: Data }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <>
      <section aria-labelledby="to-route-heading">
        <SectionHeading id="to-route-heading">{t("start.office.toRouteTitle")}</SectionHeading>
        <p>{t("start.office.toRouteLead")}</p>
        {data.toRoute.length === 0 ? (
          <p>{t("start.office.noneToRoute")}</p>
        ) : (
          <StackedTable
            caption={t("start.office.toRouteTitle")}
            rows={data.toRoute}
            columns={[
              { label: t("start.columns.caseNumber"), cell: (c) => c.caseNumber },
              { label: t("start.columns.title"), cell: caseLink },
              { label: t("start.columns.organisation"), cell: (c) => c.organisation },
              { label: t("start.columns.received"), cell: (c) => formatDate(c.receivedAt, lang) },
              {
                label: t("start.office.waitingLabel"),
                cell: (c) => t("start.office.waiting", { count: c.workingDaysWaiting }),
              },
            ]}
          />
        )}
        {data.toRouteTotal > data.toRoute.length ? (
          <p>
            {t("start.office.oldestOf", { shown: data.toRoute.length, total: data.toRouteTotal })}{" "}
            <AppLink to="/handlaggning?status=submitted&sort=oldest">{t("start.seeAll")}</AppLink>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="quiet-heading">
        <SectionHeading id="quiet-heading">{t("start.office.quietTitle")}</SectionHeading>
        <p>{t("start.office.quietLead", { days: data.quietAfter })}</p>
        {data.quiet.length === 0 ? (
          <p>{t("start.office.noneQuiet")}</p>
        ) : (
          <StackedTable
            caption={t("start.office.quietTitle")}
            rows={data.quiet}
            columns={[
              { label: t("start.columns.caseNumber"), cell: (c) => c.caseNumber },
              { label: t("start.columns.title"), cell: caseLink },
              { label: t("start.columns.status"), cell: (c) => <StatusBadge status={c.status} staff /> },
              { label: t("start.columns.officer"), cell: (c) => c.officer },
              { label: t("start.office.quietLabel"), cell: (c) => t("start.office.quietDays", { count: c.quietDays }) },
            ]}
          />
        )}
        {data.quietTotal > data.quiet.length ? (
          <p>{t("start.office.oldestOf", { shown: data.quiet.length, total: data.quietTotal })}</p>
        ) : null}
      </section>
      <section aria-labelledby="workload-heading">
        <SectionHeading id="workload-heading">{t("start.office.workloadTitle")}</SectionHeading>
        <p>{t("start.office.workloadLead")}</p>
        {data.workload.length === 0 ? (
          <p>{t("start.office.noWorkload")}</p>
        ) : (
          <StackedTable
            caption={t("start.office.workloadTitle")}
            rows={data.workload.map((w) => ({ ...w, id: w.officer }))}
            columns={[
              { label: t("start.columns.officer"), cell: (w) => w.officer },
              { label: t("start.columns.department"), cell: (w) => w.department },
              { label: t("start.office.open"), cell: (w) => formatNumber(w.open) },
              { label: t("start.office.inAssessment"), cell: (w) => formatNumber(w.inAssessment) },
              { label: t("start.office.agreementsToDraft"), cell: (w) => formatNumber(w.agreementsToDraft) },
              { label: t("start.office.signatures"), cell: (w) => formatNumber(w.signatures) },
              { label: t("start.office.reportsToAssess"), cell: (w) => formatNumber(w.reportsToAssess) },
            ]}
          />
        )}
        <p>
          <AppLink to="/handlaggning">{t("start.office.toInbox")}</AppLink>
        </p>
      </section>
    </>
  );
}
