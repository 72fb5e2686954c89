import { useTranslation } from "react-i18next";
import type { OrganisationPageData } from "~/domain/organisations/organisations.server";

/** The organisation's registration facts. */
export function OrganisationFacts({ org }: { org: OrganisationPageData["organisation"] }) {
  const { t } = useTranslation();
  const address = [org.streetAddress, [org.postalCode, org.city].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  return (
    <dl className="facts">
      <dt>{t("org.orgNumber")}</dt>
      <dd>{org.orgNumber}</dd>
      <dt>{t("org.legalForm")}</dt>
      <dd>{t(`org.legalForms.${org.legalForm}`)}</dd>
      <dt>{t("org.purpose")}</dt>
      <dd className="pre-line">{org.purpose}</dd>
      {address ? (
        <>
          <dt>{t("org.address")}</dt>
          <dd>{address}</dd>
        </>
      ) : null}
      <dt>{t("org.orgEmail")}</dt>
      <dd>{org.email}</dd>
      {org.phone ? (
        <>
          <dt>{t("org.phone")}</dt>
          <dd>{org.phone}</dd>
        </>
      ) : null}
      {org.website ? (
        <>
          <dt>{t("org.website")}</dt>
          <dd>
            <a href={org.website} rel="noopener noreferrer">
              {org.website}
            </a>
          </dd>
        </>
      ) : null}
      {org.signatories.length ? (
        <>
          <dt>{t("org.signatories")}</dt>
          <dd>
            <ul className="plain-list">
              {org.signatories.map((s) => (
                <li key={`${s.name}-${s.role}`}>{s.role ? `${s.name}, ${s.role}` : s.name}</li>
              ))}
            </ul>
            {t(`org.signingRules.${org.signingRule}`)}
          </dd>
        </>
      ) : null}
    </dl>
  );
}
