import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";
import { PageHeading } from "~/components/layout";
import { htmlOnly } from "~/components/page-handle";
import { useLang } from "~/components/root-data";
import { requestContext } from "~/http/request.server";
import { pageTags } from "~/http/meta";
import { registerEntry } from "~/domain/transparency/register.server";
import { formatDate, formatSek } from "~/i18n";

export const handle = htmlOnly;

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTags(matches, data?.entry.title || data?.entry.caseNumber || "", "register.description");

/** One agreement of the public register: a page a journalist can link to. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { publicBody } = await requestContext(request);
  const found = await registerEntry(publicBody, params.id ?? "");
  if (!found) throw new Response("Sidan finns inte", { status: 404 });
  // Who to ask for the agreement text (an allmän handling): the civil-society office.
  return { ...found, office: { name: `${publicBody.officeName}, ${publicBody.name}`, email: publicBody.officeEmail } };
}

export default function RegisterEntryPage() {
  const { entry, timeline, office } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const lang = useLang();
  // The day the last signature put the agreement in force (the timeline's own entry).
  const signedAt = timeline.find((e) => e.kind === "signed")?.at;
  if (entry.withheld) {
    // Marked as possibly confidential and not yet cleared: number, organisation and status only.
    return (
      <>
        <AppLink to="/register" className="back-link">
          {t("register.back")}
        </AppLink>
        <PageHeading>
          <span className="page-heading__caption">
            {entry.organisation.name} · {t(`register.statuses.${entry.status}`)}
          </span>{" "}
          {t("register.withheldTitle", { caseNumber: entry.caseNumber })}
        </PageHeading>
        <p>{t("register.withheldLead")}</p>
        <dl className="facts">
          <dt>{t("register.organisation")}</dt>
          <dd>
            {entry.organisation.name} ({entry.organisation.organisationNumber})
          </dd>
          <dt>{t("register.caseNumber")}</dt>
          <dd>{entry.caseNumber}</dd>
        </dl>
      </>
    );
  }
  return (
    <>
      <AppLink to="/register" className="back-link">
        {t("register.back")}
      </AppLink>
      <PageHeading lead={entry.summary}>
        <span className="page-heading__caption">
          {entry.organisation.name} · {t(`register.statuses.${entry.status}`)}
        </span>{" "}
        {entry.title}
      </PageHeading>
      <section aria-labelledby="facts-heading">
        <h2 id="facts-heading">{t("register.facts")}</h2>
        <dl className="facts">
          <dt>{t("register.organisation")}</dt>
          <dd>
            {entry.organisation.name} ({entry.organisation.organisationNumber})
          </dd>
          {entry.partners.length ? (
            <>
              <dt>{t("register.partners")}</dt>
              <dd>{entry.partners.map((p) => `${p.name} (${p.organisationNumber})`).join(", ")}</dd>
            </>
          ) : null}
          <dt>{t("register.department")}</dt>
          <dd>{entry.department || "–"}</dd>
          <dt>{t("register.period")}</dt>
          <dd>
            {entry.startDate && entry.endDate
              ? t("register.term", {
                  start: formatDate(entry.startDate, lang),
                  end: formatDate(entry.endDate, lang),
                })
              : "–"}
          </dd>
          {signedAt ? (
            <>
              <dt>{t("register.signedOn")}</dt>
              <dd>{formatDate(signedAt, lang)}</dd>
            </>
          ) : null}
          <dt>{t("register.perYear")}</dt>
          <dd>{formatSek(entry.amountPerYearSek)}</dd>
          <dt>{t("register.total")}</dt>
          <dd>{formatSek(entry.amountAwardedSek)}</dd>
          <dt>{t("register.decision")}</dt>
          <dd>
            {entry.decisionDate
              ? t("register.decisionLine", {
                  kind: t(`register.decidedBy.${entry.decidedBy}`),
                  date: formatDate(entry.decisionDate, lang),
                })
              : "–"}
            {entry.decisionParagraph ? `, ${entry.decisionParagraph}` : ""}
          </dd>
          <dt>{t("register.caseNumber")}</dt>
          <dd>{entry.caseNumber}</dd>
          <dt>{t("register.identifier")}</dt>
          <dd>
            <code>{entry.identifier}</code>
          </dd>
        </dl>
      </section>
      <p>{t("register.requestText", { office: office.name, email: office.email, caseNumber: entry.caseNumber })}</p>
      <section aria-labelledby="progress-heading">
        <h2 id="progress-heading">{t("register.progress")}</h2>
        <ul className="plain-list">
          <li>{t("register.reports", { received: entry.reportsReceived, due: entry.reportsDue })}</li>
          <li>{t("register.payments", { count: entry.paymentsMade, amount: formatSek(entry.amountPaidSek) })}</li>
        </ul>
      </section>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t("register.timeline")}</h2>
        <ol className="timeline">
          {timeline.map((e, i) => (
            <li key={i}>
              <time dateTime={e.at}>{formatDate(e.at, lang)}</time>{" "}
              {t(`register.events.${e.kind}`, {
                year: e.year ?? "",
                amount: e.amountSek === null ? "" : formatSek(e.amountSek),
                date: e.date ?? "",
              })}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
