import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppLink } from "~/components/app-link";
import { PageHeading } from "~/components/layout";
import { htmlOnly } from "~/components/page-handle";
import { StackedTable } from "~/components/stacked-table";
import { hostKind } from "~/domain/public-body/public-body.server";
import { nationalRegisterEntries } from "~/domain/transparency/national-register.server";
import { registerStatistics } from "~/domain/transparency/register-statistics";
import { registerEntries } from "~/domain/transparency/register.server";
import { pageMeta } from "~/http/meta";
import { requestContext } from "~/http/request.server";
import { formatNumber, formatSek } from "~/i18n";

export const meta = pageMeta("registerStatistics.title", "registerStatistics.lead");
export const handle = htmlOnly;

/** IOP in figures, from the public register: every body's at the front door (decision 028), else the body's. */
export async function loader({ request }: LoaderFunctionArgs) {
  if ((await hostKind()) === "frontDoor") {
    return { national: true, ...registerStatistics(await nationalRegisterEntries()) };
  }
  const { publicBody } = await requestContext(request);
  return { national: false, ...registerStatistics((await registerEntries(publicBody)).entries) };
}

export default function Statistics() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const figure = (key: string, value: string) => (
    <div key={key}>
      <dt>{t(`registerStatistics.figures.${key}`)}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <>
      <PageHeading lead={t("registerStatistics.lead")}>
        {t(data.national ? "registerStatistics.nationalTitle" : "registerStatistics.title")}
      </PageHeading>
      <dl className="key-figures">
        {figure("granted", formatNumber(data.total.granted))}
        {figure("active", formatNumber(data.total.active))}
        {figure("grantedSekPerYear", formatSek(data.total.grantedSekPerYear))}
        {figure("organisations", formatNumber(data.total.organisations))}
      </dl>
      {data.national ? (
        <section aria-labelledby="by-body">
          <h2 id="by-body">{t("registerStatistics.byBody")}</h2>
          <StackedTable
            caption={t("registerStatistics.byBody")}
            rows={data.bodies.map((b) => ({ ...b, id: b.url }))}
            columns={[
              // Each body's own register is at its own address: a plain link to another host.
              { label: t("registerStatistics.columns.body"), cell: (b) => <a href={`${b.url}/register`}>{b.name}</a> },
              { label: t("registerStatistics.figures.granted"), cell: (b) => formatNumber(b.granted) },
              { label: t("registerStatistics.figures.active"), cell: (b) => formatNumber(b.active) },
              {
                label: t("registerStatistics.figures.grantedSekPerYear"),
                cell: (b) => <span className="nowrap">{formatSek(b.grantedSekPerYear)}</span>,
              },
              { label: t("registerStatistics.figures.organisations"), cell: (b) => formatNumber(b.organisations) },
            ]}
          />
        </section>
      ) : null}
      <section aria-labelledby="by-area">
        <h2 id="by-area">{t("registerStatistics.byArea")}</h2>
        {data.areas.length ? (
          <StackedTable
            caption={t("registerStatistics.byArea")}
            rows={data.areas.map((a) => ({ ...a, id: a.area }))}
            columns={[
              { label: t("registerStatistics.columns.area"), cell: (a) => t(`cases.areas.${a.area}`) },
              { label: t("registerStatistics.figures.granted"), cell: (a) => formatNumber(a.granted) },
            ]}
          />
        ) : (
          <p>{t("registerStatistics.none")}</p>
        )}
      </section>
      <section aria-labelledby="by-year">
        <h2 id="by-year">{t("registerStatistics.byYear")}</h2>
        <p>{t("registerStatistics.byYearHint")}</p>
        {data.years.length ? (
          <StackedTable
            caption={t("registerStatistics.byYear")}
            rows={data.years.map((y) => ({ ...y, id: y.year }))}
            columns={[
              { label: t("registerStatistics.columns.year"), cell: (y) => y.year },
              {
                label: t("registerStatistics.columns.planned"),
                cell: (y) => <span className="nowrap">{formatSek(y.plannedSek)}</span>,
              },
            ]}
          />
        ) : (
          <p>{t("registerStatistics.none")}</p>
        )}
      </section>
      <p>
        <AppLink to="/register">{t("registerStatistics.toRegister")}</AppLink>
      </p>
    </>
  );
}
