import { Form } from "@remix-run/react";
import { statusKey } from "~/domain/lifecycle/statuses";
import { useTranslation } from "react-i18next";
import { StackedTable } from "./stacked-table";
import type { CasePageData } from "~/domain/casework/case-page.server";
import { formatDate, formatDateTime, formatNumber, formatSek } from "~/i18n";
import { useLang } from "./root-data";
import { SECTION_FIELDS, type ProposalSection } from "~/domain/cases/proposal-sections";

type CaseData = CasePageData["case"];

const STATUS_TONE: Record<string, string> = {
  draft: "neutral",
  submitted: "info",
  in_dialogue: "info",
  awaiting_completion: "warn",
  preparing_proposal: "info",
  in_assessment: "info",
  approved: "ok",
  agreement_drafting: "info",
  declined: "bad",
  withdrawn: "neutral",
  closed: "neutral",
};

/** The status in words for the reader: staff read "from the organisation", not "from you". */
export function StatusBadge({ status, staff = false }: { status: string; staff?: boolean }) {
  const { t } = useTranslation();
  return <span className={`badge badge--${STATUS_TONE[status] ?? "neutral"}`}>{t(statusKey(status, staff))}</span>;
}

const AFTER_APPROVAL = ["approved", "agreement_pending_signatures", "active", "ended"];

/** The way to the agreement from a case page, once the proposal is approved. */
export function AgreementLink({ data, staff = false }: { data: CasePageData; staff?: boolean }) {
  const { t } = useTranslation();
  const c = data.case;
  if (!AFTER_APPROVAL.includes(c.status) || (!staff && !data.agreement)) return null;
  const lead =
    c.status === "approved"
      ? data.agreement
        ? t("agreement.sectionLeadDraft", { number: data.agreement.number })
        : t("agreement.createLead")
      : c.status === "agreement_pending_signatures"
        ? t("agreement.sectionLeadSigning")
        : t("agreement.sectionLeadActive");
  return (
    <section className="panel" aria-labelledby="agreement-link">
      <h2 id="agreement-link">{t("agreement.sectionTitle")}</h2>
      <p>{lead}</p>
      <a href={`${staff ? "/handlaggning/arenden/" : "/forslag/"}${c.id}/avtal`} className="button button--secondary">
        {staff ? t("agreement.openStaff") : t("agreement.open")}
      </a>
    </section>
  );
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
        <StatusBadge status={c.shownStatus} staff={staff} />
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

function Row({ label, value, showEmpty }: { label: string; value: React.ReactNode; showEmpty?: string }) {
  if (value === "" || value === null || value === undefined) {
    if (!showEmpty) return null;
    value = <span className="muted">{showEmpty}</span>;
  }
  return (
    <>
      <dt>{label}</dt>
      <dd className="pre-line">{value}</dd>
    </>
  );
}

/**
 * The content of an idea or proposal, read only. With `section`, only that section of a full
 * proposal, empty answers included (the check-your-answers page).
 */
export function CaseContent({ c, section }: { c: CaseData; section?: ProposalSection }) {
  const { t } = useTranslation();
  const f = (key: string) => String(t(`cases.fields.${key}`));
  const idea = c.kind === "idea";
  const amount = (n: number | null, format: (n: number) => string) =>
    n === null || (n === 0 && !section) ? "" : format(n);
  const rows: [field: string, label: string, value: React.ReactNode][] = [
    ["title", f("title"), section ? c.title : ""],
    ["summary", idea ? f("summaryIdea") : f("summary"), c.summary],
    ["areas", f("areas"), c.areas.map((a) => String(t(`cases.areas.${a}`))).join(", ")],
  ];
  if (idea) rows.push(["wantsMeeting", f("wantsMeeting"), c.wantsMeeting ? String(t("common.yes")) : ""]);
  else
    rows.push(
      ["need", f("need"), c.need],
      ["targetGroup", f("targetGroup"), c.targetGroup],
      ["activities", f("activities"), c.activities],
      ["periodStart", f("period"), c.periodStart && c.periodEnd ? `${c.periodStart} – ${c.periodEnd}` : ""],
      ["partnerOrganisations", f("partnerOrganisations"), c.partnerOrganisations],
      ["generalInterest", f("generalInterest"), c.generalInterest],
      ["municipalGoal", f("municipalGoal"), c.municipalGoal],
      ["addedValue", f("addedValue"), c.addedValue],
      [
        "goals",
        f("goals"),
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
        ),
      ],
      ["ownContributionDescription", f("ownContributionDescription"), c.ownContributionDescription],
      ["ownContributionSek", f("ownContributionSek"), amount(c.ownContributionSek, formatSek)],
      ["volunteerHoursPerYear", f("volunteerHoursPerYear"), amount(c.volunteerHoursPerYear, formatNumber)],
      ["ownContributionInKind", f("ownContributionInKind"), c.ownContributionInKind],
      ["requestedSekPerYear", f("requestedSekPerYear"), amount(c.requestedSekPerYear, formatSek)],
      ["requestedInKind", f("requestedInKind"), c.requestedInKind],
    );
  if (section)
    rows.push(
      ["contactName", f("contactName"), c.contactName],
      ["contactEmail", f("contactEmail"), c.contactEmail],
      ["contactPhone", f("contactPhone"), c.contactPhone],
    );
  else rows.push(["contact", f("contact"), [c.contactName, c.contactEmail, c.contactPhone].filter(Boolean).join(", ")]);
  const shown: readonly string[] | null = section ? SECTION_FIELDS[section] : null;
  return (
    <dl className="facts">
      {rows
        .filter(([field]) => !shown || shown.includes(field))
        .map(([field, label, value]) => (
          <Row
            key={field}
            label={label}
            value={value}
            showEmpty={section ? String(t("cases.notAnswered")) : undefined}
          />
        ))}
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
      <IntentButton intent={intent} version={version} secondary={secondary}>
        {button}
      </IntentButton>
    </section>
  );
}

/** One button that posts an intent with the version the person saw (case and agreement pages). */
export function IntentButton({
  intent,
  version,
  secondary = false,
  children,
}: {
  intent: string;
  version: number;
  secondary?: boolean;
  children: React.ReactNode;
}) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" className={secondary ? "button button--secondary" : "button"}>
        {children}
      </button>
    </Form>
  );
}
