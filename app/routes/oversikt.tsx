import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FilterSelect } from "~/components/filters";
import { htmlOnly } from "~/components/page-handle";
import { PageHeading } from "~/components/layout";
import { StackedTable } from "~/components/stacked-table";
import { statusKey } from "~/domain/lifecycle/statuses";
import { organisationsTakingPart } from "~/domain/organisations/organisations.server";
import { requireContext, requireStaffPage } from "~/http/request.server";
import { can } from "~/domain/access/ability.server";
import { pageMeta } from "~/http/meta";
import type { ChartSvg } from "~/domain/statistics/charts.server";
import { overviewCharts, overviewPage } from "~/domain/statistics/overview.server";
import { formatNumber, formatSek } from "~/i18n";
import { overviewFilterSchema } from "~/schemas/overview";

export const meta = pageMeta("overview.title", "overview.description");
// Read only: its filters are a GET form and its charts are drawn on the server (decision 015).
export const handle = htmlOnly;

/** Politicians' and staff's overview: figures kept when cases change, no personal data. */
export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await requireContext(request);
  const { ability, publicBody, t } = ctx;
  requireStaffPage(ctx, can(ability, "read", "Overview", { publicBodyId: String(publicBody._id) }));
  const query = overviewFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const data = await overviewPage(
    publicBody,
    { year: query.ar, department: query.forvaltning },
    await organisationsTakingPart(publicBody._id),
  );
  return { ...data, charts: await overviewCharts(data, (key, values) => String(t(key, values))) };
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;
const days = (n: number | undefined) => (n === undefined ? "–" : formatNumber(n));

export default function Overview() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <PageHeading lead={t("overview.lead")}>{t("overview.title")}</PageHeading>
      <Filters data={data} />
      <section aria-labelledby="key-figures">
        <h2 id="key-figures">{t("overview.keyFigures")}</h2>
        <dl className="facts">
          <dt>{t("overview.cases")}</dt>
          <dd>{formatNumber(data.total)}</dd>
          <dt>{t("overview.active")}</dt>
          <dd>{formatNumber(data.agreements.active)}</dd>
          <dt>{t("overview.granted")}</dt>
          <dd>{formatNumber(data.granted.count)}</dd>
          <dt>{t("overview.grantedSek")}</dt>
          <dd>{formatSek(data.granted.sekPerYear)}</dd>
          <dt>{t("overview.endingSoon")}</dt>
          <dd>{formatNumber(data.agreements.endingSoon)}</dd>
          <dt>{t("overview.ended")}</dt>
          <dd>{formatNumber(data.agreements.ended)}</dd>
          <dt>{t("overview.organisations")}</dt>
          <dd>{formatNumber(data.organisations)}</dd>
          <dt>{t("overview.quiet", { days: data.quietDays })}</dt>
          <dd>{formatNumber(data.quiet)}</dd>
        </dl>
      </section>
      <Counts
        id="status"
        title={t("overview.byStatus")}
        chart={data.charts.status}
        rows={data.byStatus}
        label={(k) => t(statusKey(k, true))}
      />
      <Counts
        id="department"
        title={t("overview.byDepartment")}
        rows={data.byDepartment}
        label={(k) => k || t("overview.unrouted")}
      />
      <Counts id="area" title={t("overview.byArea")} rows={data.byArea} label={(k) => t(`cases.areas.${k}`)} />
      <section aria-labelledby="money-heading">
        <h2 id="money-heading">{t("overview.money")}</h2>
        <p>{t("overview.moneyLead")}</p>
        {data.money.length ? <Chart svg={data.charts.money} /> : null}
        <StackedTable
          caption={t("overview.money")}
          rows={[
            ...data.money.map((r) => ({ ...r, id: String(r.year), label: String(r.year) })),
            { ...data.moneyTotal, id: "total", label: t("overview.total") },
          ]}
          columns={[
            { label: t("overview.year"), cell: (r) => <strong>{r.label}</strong> },
            { label: t("overview.committed"), cell: (r) => <span className="nowrap">{formatSek(r.committed)}</span> },
            { label: t("overview.paid"), cell: (r) => <span className="nowrap">{formatSek(r.paid)}</span> },
            { label: t("overview.ownMoney"), cell: (r) => <span className="nowrap">{formatSek(r.ownMoney)}</span> },
            { label: t("overview.ownHours"), cell: (r) => formatNumber(r.ownHours) },
          ]}
        />
        <CsvLink table="money" />
        <MoneyByDepartment data={data} />
      </section>
      <section aria-labelledby="durations-heading">
        <h2 id="durations-heading">{t("overview.durations")}</h2>
        <p>{t("overview.durationsLead")}</p>
        {data.durations.length ? (
          <>
            <StackedTable
              caption={t("overview.durations")}
              rows={data.durations.map((r) => ({ ...r, id: r.department || "-" }))}
              columns={[
                { label: t("overview.department"), cell: (r) => r.department || t("overview.notRouted") },
                { label: t("overview.routeMedian"), cell: (r) => days(r.route?.median) },
                { label: t("overview.routeP90"), cell: (r) => days(r.route?.p90) },
                { label: t("overview.decideMedian"), cell: (r) => days(r.decide?.median) },
                { label: t("overview.decideP90"), cell: (r) => days(r.decide?.p90) },
              ]}
            />
            <CsvLink table="durations" />
          </>
        ) : (
          <p>{t("overview.empty")}</p>
        )}
      </section>
      <section aria-labelledby="quarters-heading">
        <h2 id="quarters-heading">{t("overview.quarters")}</h2>
        {data.quarters.length ? <Chart svg={data.charts.quarters} /> : null}
        {data.quarters.length ? (
          <>
            <StackedTable
              caption={t("overview.quarters")}
              rows={data.quarters.map((r) => ({ ...r, id: r.quarter }))}
              columns={[
                {
                  label: t("overview.quarter"),
                  cell: (r) => t("overview.quarterLabel", { year: r.quarter.slice(0, 4), q: r.quarter.slice(-1) }),
                },
                { label: t("overview.submitted"), cell: (r) => formatNumber(r.submitted) },
                { label: t("overview.decided"), cell: (r) => formatNumber(r.decided) },
              ]}
            />
            <CsvLink table="quarters" />
          </>
        ) : (
          <p>{t("overview.empty")}</p>
        )}
      </section>
    </>
  );
}

/** The municipality's contribution by department and year: one row per department. */
function MoneyByDepartment({ data }: { data: Data }) {
  const { t } = useTranslation();
  const { years, rows } = data.moneyByDepartment;
  if (!rows.length) return null;
  const sek = (n: number | undefined) => <span className="nowrap">{formatSek(n ?? 0)}</span>;
  const committed = (y: number) => data.money.find((m) => m.year === y)?.committed;
  return (
    <>
      <h3 id="money-department-heading">{t("overview.moneyByDepartment")}</h3>
      <p>{t("overview.moneyByDepartmentLead")}</p>
      <StackedTable
        caption={t("overview.moneyByDepartment")}
        rows={[
          ...rows.map((r) => ({ id: r.department, label: r.department, byYear: r.byYear, total: r.total })),
          {
            id: "total",
            label: t("overview.total"),
            byYear: Object.fromEntries(years.map((y) => [y, committed(y) ?? 0])),
            total: data.moneyTotal.committed,
          },
        ]}
        columns={[
          { label: t("overview.department"), cell: (r) => <strong>{r.label}</strong> },
          ...years.map((y) => ({
            label: String(y),
            cell: (r: { byYear: Record<number, number> }) => sek(r.byYear[y]),
          })),
          { label: t("overview.total"), cell: (r) => sek(r.total) },
        ]}
      />
      <CsvLink table="moneyByDepartment" />
    </>
  );
}

function Filters({ data }: { data: Data }) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="filters" aria-label={t("overview.filters")}>
      <FilterSelect
        id="overview-year"
        name="ar"
        label={t("overview.year")}
        any={t("overview.allYears")}
        options={data.years.map((y) => ({ value: String(y), label: String(y) }))}
      />
      <FilterSelect
        id="overview-department"
        name="forvaltning"
        label={t("overview.department")}
        any={t("overview.allDepartments")}
        options={data.departments.map((d) => ({ value: d.id, label: d.name }))}
      />
      <button type="submit" className="button">
        {t("overview.show")}
      </button>
    </Form>
  );
}

function Counts({
  id,
  title,
  chart,
  rows,
  label,
}: {
  id: string;
  title: string;
  chart?: ChartSvg;
  rows: { key: string; value: number }[];
  label: (k: string) => React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`counts-${id}`}>
      <h2 id={`counts-${id}`}>{title}</h2>
      {rows.length && chart ? <Chart svg={chart} /> : null}
      {rows.length === 0 ? (
        <p>{t("overview.empty")}</p>
      ) : (
        <StackedTable
          caption={title}
          rows={rows.map((r) => ({ ...r, id: r.key || "-" }))}
          columns={[
            { label: title, cell: (r) => label(r.key) },
            { label: t("overview.count"), cell: (r) => formatNumber(r.value) },
          ]}
        />
      )}
      <CsvLink table={id} />
    </section>
  );
}

/** The table as CSV, with the filters the page shows. */
function CsvLink({ table }: { table: string }) {
  const { t } = useTranslation();
  const { filter } = useLoaderData<typeof loader>();
  const query = new URLSearchParams({ tabell: table });
  if (filter.year) query.set("ar", String(filter.year));
  if (filter.department) query.set("forvaltning", filter.department);
  return (
    <p>
      <a href={`/oversikt/tabell.csv?${query.toString()}`} download>
        {t("overview.csv")}
      </a>
    </p>
  );
}

/** A chart drawn on the server; the table beside it holds the same figures for everyone. */
function Chart({ svg }: { svg: ChartSvg }) {
  const { t } = useTranslation();
  return (
    <figure className="chart">
      {/* Vega's own SVG: figures and labels, with the labels' text escaped by Vega. */}
      <div className="chart__wide" dangerouslySetInnerHTML={{ __html: svg.wide }} />
      <div className="chart__narrow" dangerouslySetInnerHTML={{ __html: svg.narrow }} />
      <figcaption className="muted">{t("overview.chartCaption")}</figcaption>
    </figure>
  );
}
