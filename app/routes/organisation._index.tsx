import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";
import { SearchField } from "~/components/filters";
import { PageHeading } from "~/components/layout";
import { VerifyFirstNotice } from "~/components/verify-notice";
import { Pagination } from "~/components/pagination";
import { StackedTable } from "~/components/stacked-table";
import { requireContext } from "~/http/request.server";
import { pageMeta } from "~/http/meta";
import { listOwnOrganisations, organisationRegister } from "~/domain/organisations/organisations.server";
import { formatNumber } from "~/i18n";
import { registerQuerySchema } from "~/schemas/inbox";

export const meta = pageMeta((data) =>
  (data as { kind?: string } | undefined)?.kind === "register" ? "org.registerTitle" : "org.listTitle",
);

/** Members see their own organisations; the municipality's staff search the register. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, publicBody } = await requireContext(request);
  if (user.staffMemberships.some((m) => m.publicBodyId.equals(publicBody._id))) {
    const query = registerQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    return { kind: "register" as const, ...(await organisationRegister(publicBody._id, query)) };
  }
  // Organisations are national: the same list wherever the person signs in (decision 029).
  const orgs = await listOwnOrganisations(user);
  return {
    kind: "own" as const,
    verified: Boolean(user.emailVerifiedAt),
    organisations: orgs.map((o) => ({
      id: String(o._id),
      name: o.name,
      orgNumber: o.orgNumber,
      city: o.city,
      role: o.role,
    })),
  };
}

export default function Organisations() {
  const data = useLoaderData<typeof loader>();
  return data.kind === "register" ? <Register data={data} /> : <Own data={data} />;
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function Register({ data }: { data: Extract<Data, { kind: "register" }> }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading lead={t("org.registerLead")}>{t("org.registerTitle")}</PageHeading>
      <Form method="get" className="filters" role="search">
        <SearchField id="register-q" label={t("org.registerSearch")} hint={t("org.registerSearchHint")} />
        <button type="submit" className="button">
          {t("org.registerFind")}
        </button>
      </Form>
      <p role="status">{t("org.registerCount", { count: data.total, formatted: formatNumber(data.total) })}</p>
      {data.organisations.length ? (
        <StackedTable
          caption={t("org.registerTitle")}
          rows={data.organisations}
          columns={[
            { label: t("org.name"), cell: (o) => <AppLink to={`/organisation/${o.id}`}>{o.name}</AppLink> },
            { label: t("org.orgNumber"), cell: (o) => o.orgNumber },
            { label: t("org.city"), cell: (o) => o.city || "–" },
            { label: t("org.registerCases"), cell: (o) => formatNumber(o.cases) },
          ]}
        />
      ) : null}
      <Pagination page={data.page} pages={data.pages} />
    </>
  );
}

function Own({ data }: { data: Extract<Data, { kind: "own" }> }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t("org.listTitle")}</PageHeading>
      {data.organisations.length === 0 ? (
        <p>{t("org.listEmpty")}</p>
      ) : (
        <ul className="org-list">
          {data.organisations.map((o) => (
            <li key={o.id}>
              <AppLink to={`/organisation/${o.id}`} className="org-list__name">
                {o.name}
              </AppLink>
              <span className="org-list__meta">
                {o.orgNumber}
                {o.city ? ` · ${o.city}` : ""}
                {o.role ? ` · ${t(`roles.${o.role}`)}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
      {data.verified ? (
        <AppLink to="/organisation/ny" className="button">
          {t("org.register")}
        </AppLink>
      ) : (
        <VerifyFirstNotice />
      )}
    </>
  );
}
