import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StackedTable } from "./stacked-table";
import type { CasePageData } from "~/domain/cases/case-page.server";
import { formatDate, formatDateTime, formatNumber, formatSek } from "~/i18n";
import { useLang } from "./root-data";

type CaseData = CasePageData["case"];

const STATUS_TONE: Record<string, string> = {
  draft: "neutral",
  submitted: "info",
  in_dialogue: "info",
  awaiting_completion: "warn",
  preparing_proposal: "info",
  in_assessment: "info",
  approved: "ok",
  declined: "bad",
  withdrawn: "neutral",
  closed: "neutral",
};

export const STAFF_WORDING = new Set(["submitted", "awaiting_completion", "preparing_proposal"]);

/** The status in words for the reader: staff read "from the organisation", not "from you". */
export function StatusBadge({ status, staff = false }: { status: string; staff?: boolean }) {
  const { t } = useTranslation();
  const key = staff && STAFF_WORDING.has(status) ? `cases.staffStatus.${status}` : `cases.status.${status}`;
  return <span className={`badge badge--${STATUS_TONE[status] ?? "neutral"}`}>{t(key)}</span>;
}

/** Case number, received date, status and who handles it. */
export function CaseSummary({ data, staff = false }: { data: CasePageData; staff?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const c = data.case;
  return (
    <dl className="facts">
      <dt>{t("cases.statusLabel")}</dt>
      <dd>
        <StatusBadge status={c.status} staff={staff} />
      </dd>
      {c.caseNumber ? (
        <>
          <dt>{t("cases.caseNumber")}</dt>
          <dd>{c.caseNumber}</dd>
        </>
      ) : null}
      {c.receivedAt ? (
        <>
          {/* The organisation reads plain words; filing terms are for staff. */}
          <dt>{staff ? t("cases.received") : t("cases.receivedOrg")}</dt>
          <dd>{formatDate(c.receivedAt, lang)}</dd>
          {staff ? (
            <>
              <dt>{t("cases.confidential")}</dt>
              <dd>{c.confidential ? t("cases.confidentialYes") : t("common.no")}</dd>
            </>
          ) : null}
        </>
      ) : null}
      {data.organisation ? (
        <>
          <dt>{t("cases.organisation")}</dt>
          <dd>
            {data.organisation.name} ({data.organisation.orgNumber})
          </dd>
        </>
      ) : null}
      <dt>{t("cases.handledBy")}</dt>
      <dd>
        {data.handler ? (
          <>
            {data.handler.name}, {data.handler.department}
            <br />
            <a href={`mailto:${data.handler.email}`}>{data.handler.email}</a>
          </>
        ) : (
          t("cases.noOfficerYet")
        )}
      </dd>
    </dl>
  );
}

function Row({ label, value }: { label: string; value: React.ReactNode }) {
  if (value === "" || value === null || value === undefined) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd className="pre-line">{value}</dd>
    </>
  );
}

/** The content of an idea or proposal, read only. */
export function CaseContent({ c }: { c: CaseData }) {
  const { t } = useTranslation();
  const f = (key: string) => String(t(`cases.fields.${key}`));
  const idea = c.kind === "idea";
  return (
    <dl className="facts">
      <Row label={idea ? f("summaryIdea") : f("summary")} value={c.summary} />
      <Row label={f("areas")} value={c.areas.map((a) => String(t(`cases.areas.${a}`))).join(", ")} />
      {!idea ? (
        <>
          <Row label={f("need")} value={c.need} />
          <Row label={f("targetGroup")} value={c.targetGroup} />
          <Row label={f("activities")} value={c.activities} />
          <Row label={f("period")} value={c.periodStart && c.periodEnd ? `${c.periodStart} – ${c.periodEnd}` : ""} />
          <Row label={f("generalInterest")} value={c.generalInterest} />
          <Row label={f("municipalGoal")} value={c.municipalGoal} />
          <Row label={f("addedValue")} value={c.addedValue} />
          <Row label={f("ownContributionDescription")} value={c.ownContributionDescription} />
          <Row label={f("ownContributionSek")} value={c.ownContributionSek ? formatSek(c.ownContributionSek) : ""} />
          <Row
            label={f("volunteerHoursPerYear")}
            value={c.volunteerHoursPerYear ? formatNumber(c.volunteerHoursPerYear) : ""}
          />
          <Row label={f("ownContributionInKind")} value={c.ownContributionInKind} />
          <Row label={f("requestedSekPerYear")} value={c.requestedSekPerYear ? formatSek(c.requestedSekPerYear) : ""} />
          <Row label={f("requestedInKind")} value={c.requestedInKind} />
          <Row
            label={f("goals")}
            value={
              c.goals.length ? (
                <ul className="plain-list">
                  {c.goals.map((g) => (
                    <li key={g.goal}>
                      {g.goal}
                      {g.indicator ? ` – ${g.indicator}` : ""}
                    </li>
                  ))}
                </ul>
              ) : (
                ""
              )
            }
          />
          <Row label={f("partnerOrganisations")} value={c.partnerOrganisations} />
        </>
      ) : (
        <Row label={f("wantsMeeting")} value={c.wantsMeeting ? String(t("common.yes")) : ""} />
      )}
      <Row label={f("contact")} value={[c.contactName, c.contactEmail, c.contactPhone].filter(Boolean).join(", ")} />
    </dl>
  );
}

function TimelineList({ events }: { events: CasePageData["events"] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <ol className="timeline">
      {events.map((e) => (
        <li key={e.seq}>
          <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time>{" "}
          <strong>{t(`cases.events.${e.type}`, { officer: e.officer, department: e.department, date: e.date })}</strong>{" "}
          <span className="muted">{t("cases.by", { name: e.actorName })}</span>
        </li>
      ))}
    </ol>
  );
}

/** The case's history (who did what, when), as a section of its own. */
export function Timeline({ events }: { events: CasePageData["events"] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t("cases.timeline")}</h2>
      <TimelineList events={events} />
    </section>
  );
}

export function DocumentList({ documents, staff = false }: { documents: CasePageData["documents"]; staff?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (documents.length === 0) return null;
  return (
    <StackedTable
      caption={t("cases.documents")}
      rows={documents.map((d) => ({ ...d, id: String(d.number) }))}
      columns={[
        { label: t("cases.docNumber"), cell: (d) => d.number },
        { label: t("cases.docDate"), cell: (d) => formatDate(d.date, lang) },
        {
          label: t("cases.docTitle"),
          cell: (d) => (
            <>
              {d.confidential ? t("cases.confidential") : d.title}{" "}
              <span className="muted">
                ({t(staff ? `cases.docDirection.${d.direction}` : `cases.docDirectionOrg.${d.direction}`)})
              </span>
            </>
          ),
        },
        { label: t("cases.docSender"), cell: (d) => d.sender },
      ]}
    />
  );
}

/** A panel with one lifecycle action: a heading, what it means, and a button (plain POST). */
export function TransitionPanel({
  intent,
  version,
  heading,
  lead,
  button,
  secondary,
}: {
  intent: string;
  version: number;
  heading: string;
  lead: string;
  button: string;
  secondary?: boolean;
}) {
  return (
    <section className="panel" aria-labelledby={`${intent}-heading`}>
      <h2 id={`${intent}-heading`}>{heading}</h2>
      <p>{lead}</p>
      <Form method="post">
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="version" value={version} />
        <button type="submit" className={secondary ? "button button--secondary" : "button"}>
          {button}
        </button>
      </Form>
    </section>
  );
}
