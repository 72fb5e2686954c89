import type { ReactNode } from "react";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";
import { PageHeading } from "~/components/layout";
import { htmlOnly } from "~/components/page-handle";
import { requireContext } from "~/http/request.server";
import { pageMeta } from "~/http/meta";
import { startPage } from "~/domain/start/start-page.server";
import { OfficeSections } from "./office";
import { OfficerSections } from "./officer";
import { OrganisationSections } from "./organisation";
import { Overview } from "./overview";
import { WorkElsewhere } from "./elsewhere";
import { Nested } from "~/components/heading-level";

export const handle = htmlOnly;
export const meta = pageMeta("start.title", "start.metaDescription");

/** Each person's own start page after signing in: what waits for them, by their roles. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { publicBody, user, ability } = await requireContext(request);
  return startPage(publicBody, user, ability);
}

export default function StartPage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading lead={t("start.lead")}>
        {data.overview && !data.office ? t("start.overview.title") : t("start.title")}
      </PageHeading>
      {data.newcomer ? (
        <section className="panel" aria-labelledby="newcomer-heading">
          <h2 id="newcomer-heading">{t("start.newcomer.title")}</h2>
          <p>{t("start.newcomer.lead")}</p>
          <p>
            <AppLink to="/organisation/ny" className="button">
              {t("start.newcomer.register")}
            </AppLink>
          </p>
          <p className="muted">{t("start.newcomer.invited")}</p>
        </section>
      ) : null}
      {data.organisation ? <OrganisationSections data={data.organisation} /> : null}
      <ThisBody name={data.here}>
        {data.officer ? <OfficerSections data={data.officer} /> : null}
        {data.office ? <OfficeSections data={data.office} /> : null}
        {data.overview ? <Overview data={data.overview} /> : null}
      </ThisBody>
      {data.workElsewhere.length ? <WorkElsewhere groups={data.workElsewhere} /> : null}
      {data.elsewhere.length ? (
        <section className="panel" aria-labelledby="elsewhere-heading">
          <h2 id="elsewhere-heading">{t("start.elsewhere.title")}</h2>
          <p>{t("start.elsewhere.lead")}</p>
          <ul>
            {data.elsewhere.map((b) => (
              // Another body's address: a plain link to another host.
              <li key={b.url}>
                <a href={`${b.url}/mina-sidor`}>{b.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.admin ? (
        <section className="panel" aria-labelledby="admin-heading">
          <h2 id="admin-heading">{t("start.admin.title")}</h2>
          <p>{t("start.admin.lead")}</p>
          <AppLink to="/admin">{t("start.admin.link")}</AppLink>
        </section>
      ) : null}
    </>
  );
}

/**
 * This body's staff sections: under its name when the person works in other bodies too (their
 * work there follows, grouped by body), so every body has a heading of its own.
 */
function ThisBody({ name, children }: { name: string | null; children: ReactNode }) {
  const { t } = useTranslation();
  if (!name) return <>{children}</>;
  return (
    <section aria-labelledby="this-body-heading">
      <h2 id="this-body-heading">{name}</h2>
      <p>{t("start.workElsewhere.here", { name })}</p>
      <Nested>{children}</Nested>
    </section>
  );
}
