import { AppLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/case";
import { useLang } from "~/components/root-data";
import { StackedTable } from "~/components/stacked-table";
import { formatDate } from "~/i18n";
import type { StartPageData } from "~/domain/start/start-page.server";
import { SectionHeading } from "~/components/heading-level";

type Data = NonNullable<StartPageData["officer"]>;

function CaseLink({ c }: { c: { id: string; title: string; unread?: boolean } }) {
  const { t } = useTranslation();
  return (
    <>
      <AppLink to={`/handlaggning/arenden/${c.id}`}>{c.title}</AppLink>
      {c.unread ? <span className="badge badge--info">{t("start.officer.unread")}</span> : null}
    </>
  );
}

function MoreLink({ shown, total, to }: { shown: number; total: number; to: string }) {
  const { t } = useTranslation();
  return (
    <p>
      {t("start.shownOf", { shown, total })} <AppLink to={to}>{t("start.seeAll")}</AppLink>
    </p>
  );
}

/** An officer's "Väntar på mig" and "Mina ärenden", with marks for what is new since they looked. */
export function OfficerSections({ data }: { data: Data }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <>
      <section aria-labelledby="waiting-heading" className="panel panel--tasks">
        <SectionHeading id="waiting-heading">{t("start.officer.waitingTitle")}</SectionHeading>
        <p>{t("start.officer.waitingLead")}</p>
        {data.waiting.length === 0 ? (
          <p>{t("start.officer.noneWaiting")}</p>
        ) : (
          <ul className="task-list">
            {data.waiting.map((c) => (
              <li key={c.id}>
                <CaseLink c={c} />
                <span className="muted">
                  {" "}
                  – {c.caseNumber}, {c.organisation}
                </span>
                <ul className="plain-list">
                  {c.reasons.map((r) => (
                    <li key={r.reason}>
                      {r.news
                        ? `${t(`start.officer.reasons.${r.reason}`)} (${t(`start.officer.news.${r.news}`, { defaultValue: r.news })})`
                        : t(`start.officer.reasons.${r.reason}`)}
                      <span className="muted"> – {t("start.officer.since", { date: formatDate(r.since, lang) })}</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
        {data.waitingTotal > data.waiting.length ? (
          <MoreLink shown={data.waiting.length} total={data.waitingTotal} to={data.allMine} />
        ) : null}
      </section>
      <section aria-labelledby="mine-heading">
        <SectionHeading id="mine-heading">{t("start.officer.mineTitle")}</SectionHeading>
        {data.mine.length === 0 ? (
          <p>{t("start.officer.noneMine")}</p>
        ) : (
          <StackedTable
            caption={t("start.officer.mineTitle")}
            rows={data.mine}
            columns={[
              { label: t("start.columns.caseNumber"), cell: (c) => c.caseNumber },
              { label: t("start.columns.title"), cell: (c) => <CaseLink c={c} /> },
              { label: t("start.columns.organisation"), cell: (c) => c.organisation },
              { label: t("start.columns.status"), cell: (c) => <StatusBadge status={c.status} staff /> },
            ]}
          />
        )}
        {data.mineTotal > data.mine.length ? (
          <MoreLink shown={data.mine.length} total={data.mineTotal} to={data.allMine} />
        ) : null}
      </section>
    </>
  );
}
