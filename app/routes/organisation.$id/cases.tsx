import { AppLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/case";
import { StackedTable } from "~/components/stacked-table";
import type { OrganisationPageData } from "~/domain/organisations/organisations.server";

/** The organisation's registered cases, for staff arriving from the organisation register. */
export function OrganisationCases({ cases }: { cases: NonNullable<OrganisationPageData["cases"]> }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="org-cases">
      <h2 id="org-cases">{t("org.casesTitle")}</h2>
      {cases.length === 0 ? (
        <p>{t("org.noCases")}</p>
      ) : (
        <StackedTable
          caption={t("org.casesTitle")}
          rows={cases}
          columns={[
            { label: t("cases.caseNumber"), cell: (c) => c.caseNumber },
            { label: t("cases.title"), cell: (c) => <AppLink to={`/handlaggning/arenden/${c.id}`}>{c.title}</AppLink> },
            { label: t("cases.statusLabel"), cell: (c) => <StatusBadge status={c.status} staff /> },
          ]}
        />
      )}
    </section>
  );
}
