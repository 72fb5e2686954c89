import { AppLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/case";
import { StackedTable } from "~/components/stacked-table";
import type { StartPageData } from "~/domain/start/start-page.server";
import { AgreementInForce } from "~/components/agreement-in-force";

type Data = NonNullable<StartPageData["organisation"]>;

/**
 * An organisation member's "Att göra" and "Mina ärenden", over every public body their
 * organisations work with (decision 029): a case elsewhere leads to that body's address.
 */
export function OrganisationSections({ data }: { data: Data }) {
  const { t } = useTranslation();
  const bodies = new Set(data.cases.map((c) => c.publicBody.name));

  return (
    <>
      <section aria-labelledby="tasks-heading" className="panel panel--tasks">
        <h2 id="tasks-heading">{t("start.org.tasksTitle")}</h2>
        {data.tasks.length === 0 ? (
          <p>{t("start.org.noTasks")}</p>
        ) : (
          <ul className="task-list">
            {data.tasks.map((task) => (
              <li key={`${task.caseId}-${task.task}`}>
                <AppLink to={task.href}>{t(`start.org.tasks.${task.task}`)}</AppLink>
                <span className="muted">
                  {" "}
                  – {task.title}
                  {task.publicBody && bodies.size > 1 ? ` (${task.publicBody})` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="my-cases-heading">
        <h2 id="my-cases-heading">{t("start.org.casesTitle")}</h2>
        <p>
          <AppLink to="/forslag/ny" className="button button--secondary">
            {t("start.org.newCase")}
          </AppLink>
        </p>
        {data.cases.length === 0 ? (
          <p>{t("start.org.noCases")}</p>
        ) : (
          <StackedTable
            caption={t("start.org.casesTitle")}
            rows={data.cases}
            columns={[
              {
                label: t("start.columns.title"),
                cell: (c) => <AppLink to={`${c.publicBody.url ?? ""}/forslag/${c.id}`}>{c.title}</AppLink>,
              },
              ...(bodies.size > 1
                ? [{ label: t("start.columns.publicBody"), cell: (c: Data["cases"][number]) => c.publicBody.name }]
                : []),
              { label: t("start.columns.status"), cell: (c) => <StatusBadge status={c.status} /> },
              {
                label: t("start.org.handler"),
                cell: (c) => (c.officer ? `${c.officer}, ${c.department}` : t("start.org.noHandler")),
              },
              { label: t("start.org.next"), cell: (c) => <NextStep c={c} /> },
            ]}
          />
        )}
      </section>
    </>
  );
}

/**
 * What comes next in a case; for an agreement in force its term, the next report with its due
 * day and the next planned payment, where the organisation lands.
 */
function NextStep({ c }: { c: Data["cases"][number] }) {
  const { t } = useTranslation();
  return c.agreement ? <AgreementInForce a={c.agreement} /> : <>{t(`cases.next.${c.status}`)}</>;
}
