import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/case";
import { StackedTable } from "~/components/stacked-table";
import type { StartPageData } from "~/domain/start/start-page.server";
import { formatNumber, formatSek } from "~/i18n";
import { Nested, SectionHeading } from "~/components/heading-level";

type Data = NonNullable<StartPageData["overview"]>;

function Counts({
  title,
  rows,
  label,
}: {
  title: string;
  rows: { key: string; value: number }[];
  label: (k: string) => React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`counts-${title}`}>
      <SectionHeading id={`counts-${title}`}>{title}</SectionHeading>
      {rows.length === 0 ? (
        <p>{t("start.overview.empty")}</p>
      ) : (
        <StackedTable
          caption={title}
          rows={rows.map((r) => ({ ...r, id: r.key }))}
          columns={[
            { label: title, cell: (r) => label(r.key) },
            { label: t("start.overview.count"), cell: (r) => formatNumber(r.value) },
          ]}
        />
      )}
    </section>
  );
}

/** The politicians' first overview: figures only, no personal data (the full one comes later). */
export function Overview({ data }: { data: Data }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="overview-heading">
      <SectionHeading id="overview-heading">{t("start.overview.title")}</SectionHeading>
      <p>{t("start.overview.lead")}</p>
      <dl className="key-figures">
        <div>
          <dt>{t("start.overview.total")}</dt>
          <dd>{formatNumber(data.total)}</dd>
        </div>
        <div>
          <dt>{t("start.overview.approved")}</dt>
          <dd>{formatNumber(data.approved)}</dd>
        </div>
        <div>
          <dt>{t("start.overview.approvedSek")}</dt>
          <dd>{formatSek(data.approvedSekPerYear)}</dd>
        </div>
      </dl>
      <div className="columns columns--three">
        <Nested>
          <Counts
            title={t("start.overview.byStatus")}
            rows={data.byStatus}
            label={(k) => <StatusBadge status={k} staff />}
          />
          <Counts title={t("start.overview.byArea")} rows={data.byArea} label={(k) => t(`cases.areas.${k}`)} />
          <Counts title={t("start.overview.byDepartment")} rows={data.byDepartment} label={(k) => k} />
        </Nested>
      </div>
    </section>
  );
}
