import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime, formatNumber, formatSek } from "~/i18n";
import { followUpMeetingSchema, paymentSchema, reportAssessmentSchema, reportSchema } from "~/schemas/agreement";
import { StackedTable } from "../stacked-table";
import { AmountField, ChoiceGroup, DateField, FileField, SelectField, TextAreaField, TextField } from "../forms";
import { CollapsiblePanel } from "../layout";
import { useLang } from "../root-data";
import { useSchemaForm } from "../use-form";
import { IntentForm, type PanelProps, type Result } from "./shared";

// The agreement in force: the ledger (plan, payments, own contribution) and the follow-up
// (reports, meetings) (domain/agreements/follow-up.server.ts).

/** The contributions ledger: planned, paid and reported per year and in total, with the forms. */
export function Ledger({ view, version, resultFor }: PanelProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const ledger = view.ledger;
  if (!ledger) return null;
  const rows = [
    ...ledger.years.map((y) => ({ ...y, id: String(y.year), label: String(y.year) })),
    { ...ledger.total, id: "total", label: t("agreement.ledger.total"), inKind: "" },
  ];
  return (
    <section aria-labelledby="ledger-heading">
      <h2 id="ledger-heading">{t("agreement.ledger.title")}</h2>
      <p>{t("agreement.ledger.lead")}</p>
      <StackedTable
        caption={t("agreement.ledger.title")}
        rows={rows}
        columns={[
          { label: t("agreement.ledger.year"), cell: (r) => <strong>{r.label}</strong> },
          { label: t("agreement.ledger.planned"), cell: (r) => <Amount text={formatSek(r.plannedSek)} /> },
          { label: t("agreement.ledger.paid"), cell: (r) => <Amount text={formatSek(r.paidSek)} /> },
          { label: t("agreement.ledger.ownMoney"), cell: (r) => <Amount text={formatSek(r.ownMoneySek)} /> },
          { label: t("agreement.ledger.hours"), cell: (r) => <Amount text={formatNumber(r.volunteerHours)} /> },
        ]}
      />
      {ledger.schedule.length ? (
        <>
          <h3 id="schedule-heading">{t("agreement.ledger.schedule")}</h3>
          <p>{t("agreement.ledger.scheduleLead")}</p>
          <StackedTable
            caption={t("agreement.ledger.schedule")}
            rows={ledger.schedule.map((p, i) => ({ ...p, id: String(i) }))}
            columns={[
              {
                label: t("agreement.ledger.date"),
                cell: (p) => <span className="nowrap">{formatDate(p.date, lang)}</span>,
              },
              { label: t("agreement.ledger.amount"), cell: (p) => <Amount text={formatSek(p.amountSek)} /> },
              {
                label: t("agreement.ledger.state"),
                cell: (p) => (
                  <span className={`badge badge--${PLANNED_BADGE[p.status]}`}>
                    {p.status === "partlyPaid"
                      ? t("agreement.ledger.states.partlyPaid", { paid: formatSek(p.paidSek) })
                      : t(`agreement.ledger.states.${p.status}`)}
                  </span>
                ),
              },
            ]}
          />
        </>
      ) : null}
      {ledger.payments.length ? (
        <>
          <h3>{t("agreement.ledger.payments")}</h3>
          <ul className="plain-list">
            {ledger.payments.map((p) => (
              <li key={p.id}>
                {formatDate(p.paidOn, lang)}: <Amount text={formatSek(p.amountSek)} />{" "}
                <span className="muted">
                  ({p.reference}, {p.recordedBy})
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {view.may.recordPayment ? <PaymentForm version={version} lastResult={resultFor("payment")} /> : null}
    </section>
  );
}

const PLANNED_BADGE = { paid: "ok", partlyPaid: "info", overdue: "warn", planned: "neutral" } as const;

// An amount never breaks across lines ("37 500 k / r").
const Amount = ({ text }: { text: string }) => <span className="nowrap">{text}</span>;

function PaymentForm({ version, lastResult }: { version: number; lastResult: Result }) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(paymentSchema, lastResult, "payment", { version: String(version) });
  return (
    <CollapsiblePanel open={Boolean(lastResult)} title={t("agreement.ledger.recordPayment")}>
      <IntentForm form={form} intent="recordPayment" version={version} submit={t("agreement.ledger.recordPayment")}>
        <DateField field={fields.paidOn} label={t("agreement.fields.paidOn")} />
        <AmountField field={fields.amountSek} label={t("agreement.fields.amountSek")} />
        <TextField field={fields.reference} label={t("agreement.fields.reference")} />
      </IntentForm>
    </CollapsiblePanel>
  );
}

/** Follow-up: the next report due, the reports with their assessments, and the forms. */
export function FollowUp({ view, version, resultFor }: PanelProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const f = view.followUp;
  if (!f) return null;
  // A report refused because its year has not begun keeps its form, to show why on the field.
  const reportYears = f.open.length ? f.open : resultFor("report") && f.next ? [f.next.year] : [];
  return (
    <section aria-labelledby="follow-up-heading">
      <h2 id="follow-up-heading">{t("agreement.followUp.title")}</h2>
      <p>
        {f.next
          ? t("agreement.followUp.next", { year: f.next.year, due: formatDate(f.next.due, lang) })
          : t("agreement.followUp.allDone")}
      </p>
      {f.reports.map((r) => (
        <article key={r.year} className="panel" aria-labelledby={`report-${r.year}`}>
          <h3 id={`report-${r.year}`}>
            {t("agreement.followUp.report", { year: r.year })}{" "}
            <span
              className={`badge badge--${r.status === "approved" ? "ok" : r.status === "submitted" ? "info" : "warn"}`}
            >
              {t(`agreement.followUp.status.${r.status}`)}
            </span>
          </h3>
          <p className="muted">
            {t("agreement.followUp.submitted", { name: r.submittedBy, at: formatDateTime(r.submittedAt, lang) })}
          </p>
          <h4>{t("agreement.fields.narrative")}</h4>
          <p className="pre-line">{r.narrative}</p>
          <h4>{t("agreement.fields.indicators")}</h4>
          <p className="pre-line">{r.indicators}</p>
          {r.attachments.length ? (
            <>
              <h4>{t("agreement.followUp.attachments")}</h4>
              <ul className="plain-list">
                {r.attachments.map((f) => (
                  <li key={f.id}>
                    <a href={f.href} download>
                      {f.title}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {r.assessment?.comment ? (
            <p className="notice">
              <strong>{t("agreement.followUp.assessedBy", { name: r.assessment.by })}</strong> {r.assessment.comment}
            </p>
          ) : r.assessment ? (
            <p className="muted">{t("agreement.followUp.approvedBy", { name: r.assessment.by })}</p>
          ) : null}
          {view.may.assessReport && r.status === "submitted" ? (
            <AssessReportForm year={r.year} version={version} lastResult={resultFor(`assess-${r.year}`)} />
          ) : null}
        </article>
      ))}
      {view.may.reportContribution && f.next && !f.open.length ? (
        <p>{t("agreement.followUp.notYet", { year: f.next.year })}</p>
      ) : null}
      {view.may.reportContribution && reportYears.length ? (
        <ReportForm years={reportYears} goals={f.goals} version={version} lastResult={resultFor("report")} />
      ) : null}
      <h3 id="meetings-heading">{t("agreement.followUp.meetings")}</h3>
      {f.meetings.length ? (
        f.meetings.map((m) => (
          <article
            key={m.id}
            className="panel"
            aria-label={t("agreement.followUp.meeting", { date: formatDate(m.heldOn, lang) })}
          >
            <h4>{t("agreement.followUp.meeting", { date: formatDate(m.heldOn, lang) })}</h4>
            <p className="muted">
              {t("agreement.followUp.participants", { names: m.participants })} ·{" "}
              {t("agreement.followUp.loggedBy", { name: m.loggedBy })}
            </p>
            <p className="pre-line">{m.minutes}</p>
          </article>
        ))
      ) : (
        <p>{t("agreement.followUp.noMeetings")}</p>
      )}
      {view.may.logMeeting ? <MeetingForm version={version} lastResult={resultFor("meeting")} /> : null}
    </section>
  );
}

/** Staff log a joint follow-up meeting with its minutes. */
function MeetingForm({ version, lastResult }: { version: number; lastResult: Result }) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(followUpMeetingSchema, lastResult, "meeting", { version: String(version) });
  return (
    <CollapsiblePanel open={Boolean(lastResult)} title={t("agreement.followUp.logMeeting")}>
      <IntentForm form={form} intent="logMeeting" version={version} submit={t("agreement.followUp.logMeeting")}>
        <DateField field={fields.heldOn} label={t("agreement.fields.heldOn")} />
        <TextField field={fields.participants} label={t("agreement.fields.participants")} />
        <TextAreaField field={fields.minutes} label={t("agreement.fields.minutes")} rows={6} />
      </IntentForm>
    </CollapsiblePanel>
  );
}

function ReportForm({
  years,
  goals,
  version,
  lastResult,
}: {
  years: number[];
  goals: string;
  version: number;
  lastResult: Result;
}) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(reportSchema, lastResult, "report", {
    version: String(version),
    year: String(years[0] ?? ""),
    indicators: goals,
  });
  return (
    <CollapsiblePanel open={Boolean(lastResult)} title={t("agreement.followUp.submit")}>
      <p>{t("agreement.followUp.submitLead")}</p>
      <IntentForm form={form} intent="submitReport" version={version} submit={t("agreement.followUp.submit")} withFile>
        <SelectField
          field={fields.year}
          label={t("agreement.fields.reportYear")}
          options={years.map((y) => ({ value: String(y), label: String(y) }))}
        />
        <TextAreaField field={fields.narrative} label={t("agreement.fields.narrative")} rows={5} />
        <TextAreaField
          field={fields.indicators}
          label={t("agreement.fields.indicators")}
          hint={t("agreement.followUp.indicatorsHint")}
          rows={5}
        />
        <AmountField field={fields.moneySek} label={t("agreement.fields.moneySek")} optional />
        <TextField
          field={fields.volunteerHours}
          label={t("agreement.fields.volunteerHours")}
          type="number"
          className="input--short"
          optional
        />
        <TextAreaField field={fields.inKind} label={t("agreement.fields.inKind")} rows={2} optional />
        <FileField id={`${form.id}-file`} error={(form.allErrors.file as string[] | undefined)?.[0]} optional />
        <TextField field={fields.fileTitle} label={t("agreement.fields.fileTitle")} optional />
      </IntentForm>
    </CollapsiblePanel>
  );
}

function AssessReportForm({ year, version, lastResult }: { year: number; version: number; lastResult: Result }) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(reportAssessmentSchema, lastResult, `assess-${year}`, {
    version: String(version),
    year: String(year),
  });
  return (
    <IntentForm form={form} intent="assessReport" version={version} submit={t("agreement.followUp.assess")} secondary>
      <input type="hidden" name="year" value={year} />
      <ChoiceGroup
        field={fields.outcome}
        type="radio"
        legend={t("agreement.fields.outcome")}
        options={(["approved", "completionRequested"] as const).map((o) => ({
          value: o,
          label: t(`agreement.followUp.outcomes.${o}`),
        }))}
      />
      <TextAreaField field={fields.comment} label={t("agreement.fields.comment")} rows={3} optional />
    </IntentForm>
  );
}
