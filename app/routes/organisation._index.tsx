import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "~/components/layout";
import { accessibleFilter } from "~/domain/access/ability.server";
import { pageMeta } from "~/domain/kernel/meta";
import { requireContext } from "~/domain/http/request.server";
import { listOrganisations } from "~/domain/organisations/organisations.server";

export const meta = pageMeta("org.listTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, ability, publicBody } = await requireContext(request);
  const filter = accessibleFilter(ability, "read", "Organisation");
  const orgs = filter ? await listOrganisations(publicBody._id, filter) : [];
  return {
    verified: Boolean(user.emailVerifiedAt),
    email: user.email,
    organisations: orgs.map((o) => ({
      id: String(o._id),
      name: o.name,
      orgNumber: o.orgNumber,
      city: o.city,
      role: user.orgMemberships.find((m) => m.organisationId.equals(o._id))?.role ?? null,
    })),
  };
}

export default function Organisations() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading>{t("org.listTitle")}</PageHeading>
      {data.organisations.length === 0 ? (
        <p>{t("org.listEmpty")}</p>
      ) : (
        <ul className="org-list">
          {data.organisations.map((o) => (
            <li key={o.id}>
              <Link to={`/organisation/${o.id}`} className="org-list__name">
                {o.name}
              </Link>
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
        <Link to="/organisation/ny" className="button">
          {t("org.register")}
        </Link>
      ) : (
        <p className="notice notice--warning">{t("org.needsVerified")}</p>
      )}
    </>
  );
}
