import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";
import { CASE_AREAS } from "#models/constants";
import { FilterSelect, SearchField } from "~/components/filters";
import { PageHeading } from "~/components/layout";
import { Pagination } from "~/components/pagination";
import { StackedTable } from "~/components/stacked-table";
import { requestContext } from "~/http/request.server";
import { pageMeta } from "~/http/meta";
import { searchRegister } from "~/domain/transparency/register";
import { registerEntries } from "~/domain/transparency/register.server";
import { formatNumber, formatSek } from "~/i18n";
import { registerSearchSchema } from "~/schemas/transparency";
import { htmlOnly } from "~/components/page-handle";

export const meta = pageMeta("register.title", "register.description");
export const handle = htmlOnly;

const PAGE_SIZE = 25;

/** The public register of agreements: search and filters, no sign-in. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { publicBody } = await requestContext(request);
  const query = registerSearchSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { entries, departments } = await registerEntries(publicBody);
  const found = searchRegister(entries, query);
  const pages = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const years = new Set<number>();
  for (const e of entries) {
    const from = Number((e.startDate || e.decisionDate).slice(0, 4));
    const to = Number((e.endDate || e.startDate || e.decisionDate).slice(0, 4));
    for (let y = from; y && y <= to && y - from < 20; y++) years.add(y);
  }
  return {
    total: found.length,
    page,
    pages,
    entries: found.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((e) => ({
      id: e.id,
      title: e.withheld ? null : e.title,
      caseNumber: e.caseNumber,
      organisation: e.organisation,
      department: e.department,
      startDate: e.startDate,
      endDate: e.endDate,
      amountPerYearSek: e.amountPerYearSek,
      status: e.status,
    })),
    departments,
    years: [...years].sort((a, b) => b - a),
  };
}

export default function Register() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <PageHeading lead={t("register.lead")}>{t("register.title")}</PageHeading>
      <Form method="get" action="/register" className="filters" role="search" aria-label={t("register.searchForm")}>
        <SearchField id="register-q" label={t("register.search")} hint={t("register.searchHint")} />
        <FilterSelect
          id="register-area"
          name="area"
          label={t("register.area")}
          any={t("register.all")}
          options={CASE_AREAS.map((a) => ({ value: a, label: t(`cases.areas.${a}`) }))}
        />
        <FilterSelect
          id="register-department"
          name="department"
          label={t("register.department")}
          any={t("register.all")}
          options={data.departments.map((d) => ({ value: d.id, label: d.name }))}
        />
        <FilterSelect
          id="register-status"
          name="status"
          label={t("register.status")}
          any={t("register.all")}
          options={(["approved", "active", "ended"] as const).map((s) => ({
            value: s,
            label: t(`register.statuses.${s}`),
          }))}
        />
        <FilterSelect
          id="register-year"
          name="year"
          label={t("register.year")}
          any={t("register.all")}
          options={data.years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <button type="submit" className="button">
          {t("register.find")}
        </button>
      </Form>
      <p role="status">{t("register.count", { count: data.total, formatted: formatNumber(data.total) })}</p>
      {data.entries.length ? (
        <StackedTable
          caption={t("register.title")}
          rows={data.entries}
          columns={[
            {
              label: t("register.columns.title"),
              cell: (e) => (
                <>
                  <AppLink to={`/register/${e.id}`}>
                    {e.title ?? t("register.withheldTitle", { caseNumber: e.caseNumber })}
                  </AppLink>
                  <br />
                  <span className="muted">{t(`register.statuses.${e.status}`)}</span>
                </>
              ),
            },
            {
              label: t("register.columns.organisation"),
              cell: (e) => (
                <>
                  {e.organisation.name}
                  <br />
                  <span className="muted nowrap">{e.organisation.organisationNumber}</span>
                </>
              ),
            },
            { label: t("register.columns.department"), cell: (e) => e.department || "–" },
            {
              label: t("register.columns.period"),
              // Breaks between the dates, never inside one.
              cell: (e) =>
                e.startDate ? (
                  <>
                    <span className="nowrap">{e.startDate} –</span> <span className="nowrap">{e.endDate}</span>
                  </>
                ) : (
                  "–"
                ),
            },
            {
              label: t("register.columns.perYear"),
              cell: (e) => <span className="nowrap">{formatSek(e.amountPerYearSek)}</span>,
            },
          ]}
        />
      ) : (
        <p>{t("register.none")}</p>
      )}
      <Pagination page={data.page} pages={data.pages} />
      <p>
        {t("register.openData")} <a href="/oppna-data/avtal.csv">{t("register.csv")}</a> ·{" "}
        <a href="/oppna-data/avtal.json">{t("register.json")}</a> ·{" "}
        <AppLink to="/om-iop">{t("register.aboutData")}</AppLink>
      </p>
    </>
  );
}
