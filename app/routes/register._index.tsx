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
import { registerPage } from "~/domain/transparency/register";
import { nationalRegisterEntries } from "~/domain/transparency/national-register.server";
import { hostKind, publicBodiesListed } from "~/domain/public-body/public-body.server";
import { registerEntries } from "~/domain/transparency/register.server";
import { formatNumber, formatSek } from "~/i18n";
import { registerSearchSchema } from "~/schemas/transparency";
import { htmlOnly } from "~/components/page-handle";

export const meta = pageMeta("register.title", "register.description");
export const handle = htmlOnly;

/**
 * The public register of agreements: search and filters, no sign-in. At the front door the
 * national register: every public body's agreements, filtered by body (decision 028).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const query = registerSearchSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  if ((await hostKind()) === "frontDoor") {
    const [entries, bodies] = await Promise.all([nationalRegisterEntries(), publicBodiesListed()]);
    return { ...registerPage(entries, { ...query, department: "" }), departments: [], bodies, national: true };
  }
  const { publicBody } = await requestContext(request);
  const { entries, departments } = await registerEntries(publicBody);
  return { ...registerPage(entries, { ...query, body: "", county: "" }), departments, bodies: [], national: false };
}

/** The counties that have a body in the installation, in the order of their codes. */
const counties = (bodies: { county: { code: string; name: string } | null }[]) =>
  [...new Map(bodies.flatMap((b) => (b.county ? [[b.county.code, b.county.name] as const] : []))).entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([value, label]) => ({ value, label }));

export default function Register() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <PageHeading lead={t(data.national ? "register.nationalLead" : "register.lead")}>
        {t(data.national ? "register.nationalTitle" : "register.title")}
      </PageHeading>
      <Form method="get" action="/register" className="filters" role="search" aria-label={t("register.searchForm")}>
        <SearchField id="register-q" label={t("register.search")} hint={t("register.searchHint")} />
        <FilterSelect
          id="register-area"
          name="area"
          label={t("register.area")}
          any={t("register.all")}
          options={CASE_AREAS.map((a) => ({ value: a, label: t(`cases.areas.${a}`) }))}
        />
        {/* Nationally by public body; in a body's register by its departments. */}
        <FilterSelect
          any={t("register.all")}
          {...(data.national
            ? {
                id: "register-body",
                name: "body",
                label: t("register.publicBody"),
                options: data.bodies.map((b) => ({ value: b.slug, label: b.name })),
              }
            : {
                id: "register-department",
                name: "department",
                label: t("register.department"),
                options: data.departments.map((d) => ({ value: d.id, label: d.name })),
              })}
        />
        {data.national ? (
          <FilterSelect
            id="register-county"
            name="county"
            label={t("register.county")}
            any={t("register.all")}
            options={counties(data.bodies)}
          />
        ) : null}
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
                  {/* The national register links to the body's own page: another host. */}
                  {e.publicBody ? (
                    <a href={e.href}>{e.title ?? t("register.withheldTitle", { caseNumber: e.caseNumber })}</a>
                  ) : (
                    <AppLink to={e.href}>
                      {e.title ?? t("register.withheldTitle", { caseNumber: e.caseNumber })}
                    </AppLink>
                  )}
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
            data.national
              ? { label: t("register.columns.publicBody"), cell: (e) => e.publicBody ?? "–" }
              : { label: t("register.columns.department"), cell: (e) => e.department || "–" },
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
              label: t(data.national ? "register.columns.perYearNational" : "register.columns.perYear"),
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
        <a href="/oppna-data/avtal.json">{t("register.json")}</a>
        {" · "}
        <AppLink to="/statistik">{t("nav.statistics")}</AppLink>
        {data.national ? null : (
          <>
            {" · "}
            <AppLink to="/om-iop">{t("register.aboutData")}</AppLink>
          </>
        )}
      </p>
    </>
  );
}
