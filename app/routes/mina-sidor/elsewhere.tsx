import { useTranslation } from "react-i18next";
import type { StartPageData } from "~/domain/start/start-page.server";

type Group = StartPageData["workElsewhere"][number];

// Links here lead to another body's own address: plain links to another host.
function FirstCases({ cases, label }: { cases: NonNullable<Group["toRoute"]>["first"]; label: string }) {
  if (cases.length === 0) return null;
  return (
    <ul aria-label={label}>
      {cases.map((c) => (
        <li key={c.url}>
          <a href={c.url}>
            {c.caseNumber ? `${c.caseNumber} · ` : ""}
            {c.title}
          </a>{" "}
          <span className="muted">{c.organisation}</span>
        </li>
      ))}
    </ul>
  );
}

/** A staff member's work in the other public bodies where they hold a role, one group per body. */
export function WorkElsewhere({ groups }: { groups: Group[] }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="work-elsewhere-heading">
      <h2 id="work-elsewhere-heading">{t("start.workElsewhere.title")}</h2>
      <p>{t("start.workElsewhere.lead")}</p>
      {groups.map((g, i) => {
        const nothing = !g.toRoute?.total && !g.quiet?.total && !g.waiting?.total && !g.mine?.total;
        return (
          <section key={g.url} aria-labelledby={`work-elsewhere-${i}`} className="elsewhere-group">
            <h3 id={`work-elsewhere-${i}`}>{g.name}</h3>
            <p className="muted">{t("start.workElsewhere.role", { role: t(`roles.${g.role}`) })}</p>
            {g.toRoute?.total ? (
              <>
                <p>
                  <a href={`${g.url}/handlaggning?status=submitted&sort=oldest`}>
                    {t("start.workElsewhere.toRoute", { count: g.toRoute.total })}
                  </a>
                </p>
                <FirstCases cases={g.toRoute.first} label={t("start.workElsewhere.toRouteList", { name: g.name })} />
              </>
            ) : null}
            {g.quiet?.total ? (
              <p>{t("start.workElsewhere.quiet", { count: g.quiet.total, days: g.quiet.days })}</p>
            ) : null}
            {g.waiting?.total ? (
              <>
                <p>{t("start.workElsewhere.waiting", { count: g.waiting.total })}</p>
                <FirstCases cases={g.waiting.first} label={t("start.workElsewhere.waitingList", { name: g.name })} />
              </>
            ) : null}
            {g.mine?.total ? (
              <p>
                <a href={g.mine.url}>{t("start.workElsewhere.mine", { count: g.mine.total })}</a>
              </p>
            ) : null}
            {nothing ? <p>{t("start.workElsewhere.nothing")}</p> : null}
            <p>
              <a href={`${g.url}/${g.role === "politician" ? "oversikt" : "mina-sidor"}`}>
                {t(g.role === "politician" ? "start.workElsewhere.overview" : "start.workElsewhere.open", {
                  name: g.name,
                })}
              </a>
            </p>
          </section>
        );
      })}
    </section>
  );
}
