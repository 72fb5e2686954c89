import { getFormProps, type FormMetadata, type SubmissionResult } from "@conform-to/react";
import { Form, useLocation } from "@remix-run/react";
import { AppLink } from "~/components/app-link";
import { useTranslation } from "react-i18next";
import type { AgreementView } from "~/domain/agreements/agreements.server";
import type { DiffPart } from "~/domain/agreements/diff";
import { sectionTitle } from "~/domain/agreements/agreement-text";
import { formatDate, formatDateTime, formatNumber, formatSek } from "~/i18n";
import {
  agreementCommentSchema,
  agreementDraftSchema,
  amendmentSchema,
  followUpMeetingSchema,
  paymentSchema,
  reportAssessmentSchema,
  reportSchema,
  sendForSigningSchema,
  signSchema,
  signWithEidSchema,
  terminateSchema,
} from "~/schemas/agreement";
import { FilterSelect } from "./filters";
import { StackedTable } from "./stacked-table";
import { StatusBadge } from "./case";
import { ErrorNotice } from "./error-notice";
import {
  AmountField,
  ChoiceGroup,
  DateField,
  ErrorSummary,
  FileField,
  SelectField,
  TextAreaField,
  TextField,
} from "./forms";
import { CollapsiblePanel, PageHeading } from "./layout";
import { useLang } from "./root-data";
import { useSchemaForm } from "./use-form";
import { ProviderButton } from "./provider-button";

type Result = SubmissionResult<string[]> | undefined;
/** What a panel of the active agreement (ledger, follow-up) needs: the view and its forms' results. */
type PanelProps = { view: AgreementView; version: number; resultFor: (form: string) => Result };

export interface AgreementPageData {
  case: { id: string; title: string; caseNumber: string | null; status: string; version: number };
  view: AgreementView | null;
  diff: { from: number; to: number; sections: { key: string; changed: boolean; parts: DiffPart[] }[] } | null;
  choices: {
    organisation: { id: string; name: string; organisation: string }[];
    municipality: { id: string; name: string }[];
    organisations: { id: string; name: string; required: number }[];
  } | null;
  back: string;
  staff: boolean;
  /** Where signing asks for e-ID (step-up): the provider, and a fresh authentication if made. */
  signWith: {
    provider: { id: string; label: string } | null;
    fresh: { label: string; authTime: string } | null;
    /** The signing a step-up is made for ("caseId:number"). */
    signing: string | null;
  } | null;
}

/** The agreement page, the same for the organisation and for staff; forms by what each may do. */
export function AgreementPage({
  data,
  resultFor,
  caseError,
}: {
  data: AgreementPageData;
  resultFor: (form: string | null) => Result;
  caseError: string | null;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { view, case: c } = data;
  return (
    <>
      <AppLink to={data.back} className="back-link">
        {t("agreement.back")}
      </AppLink>
      <PageHeading lead={t("agreement.lead")}>
        <span className="page-heading__caption">
          {c.caseNumber ? `${c.caseNumber} · ` : ""}
          {c.title}
        </span>{" "}
        {t("agreement.title")}
      </PageHeading>
      <ErrorNotice message={caseError} />
      <p>
        <StatusBadge status={c.status} staff={data.staff} />
      </p>
      {!view ? (
        data.staff && c.status === "approved" ? (
          <ActionPanel lead={t("agreement.createLead")} intent="createAgreement" version={c.version}>
            {t("agreement.create")}
          </ActionPanel>
        ) : (
          <p>{t("agreement.none")}</p>
        )
      ) : (
        <>
          {view.mySigning ? <SignForm view={view} signWith={data.signWith} lastResult={resultFor("sign")} /> : null}
          {view.signing ? <SigningStatus view={view} /> : null}
          {view.may.reopen ? (
            <ActionPanel lead={t("agreement.reopenLead")} intent="reopen" version={c.version} secondary>
              {t("agreement.reopen")}
            </ActionPanel>
          ) : null}
          {view.amendment ? <AmendmentNotice view={view} version={c.version} /> : null}
          {view.termination ? (
            <p className="notice notice--warning">
              {t("agreement.terminatedNotice", {
                name: view.termination.byName,
                date: formatDate(view.termination.effectiveOn, lang),
                reason: view.termination.reason,
              })}
            </p>
          ) : null}
          <Terms view={view} />
          {view.may.amend ? (
            <AmendForm end={view.terms.end} version={c.version} lastResult={resultFor("amend")} />
          ) : null}
          {view.followUp ? <FollowUp view={view} version={c.version} resultFor={resultFor} /> : null}
          {view.ledger ? <Ledger view={view} version={c.version} resultFor={resultFor} /> : null}
          {view.earlier.length ? <EarlierVersions view={view} /> : null}
          {view.may.edit ? (
            <AgreementEditor key={c.version} view={view} version={c.version} lastResult={resultFor("draft")} />
          ) : null}
          <AgreementDocument view={view} resultFor={resultFor} />
          <VersionCompare view={view} diff={data.diff} />
          {view.may.terminate ? <TerminateForm version={c.version} lastResult={resultFor("terminate")} /> : null}
          {view.may.send && data.choices ? (
            <SendForSigning choices={data.choices} version={c.version} lastResult={resultFor("send")} />
          ) : null}
        </>
      )}
    </>
  );
}

/** The term, notice and money of the text shown; beside a change, those of the agreement in force. */
function Terms({ view }: { view: AgreementView }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="terms-heading">
      <h2 id="terms-heading">
        {/* After notice the shortened term is the one in force, not a property of a version. */}
        {view.termination
          ? t("agreement.termsAfterNotice")
          : `${t("agreement.version", { number: view.number })}: ${t("agreement.terms")}`}
      </h2>
      <TermFacts terms={view.terms} />
      {view.inForce ? (
        <>
          <h3>{t("agreement.inForceTerms", { number: view.inForce.number })}</h3>
          <TermFacts terms={view.inForce.terms} />
        </>
      ) : null}
    </section>
  );
}

function TermFacts({ terms }: { terms: AgreementView["terms"] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <dl className="facts">
      <dt>{t("agreement.fields.period")}</dt>
      <dd>
        {terms.start ? formatDate(terms.start, lang) : ""} – {terms.end ? formatDate(terms.end, lang) : ""}
      </dd>
      <dt>{t("agreement.fields.noticeMonths")}</dt>
      <dd>{t("agreement.months", { count: terms.noticeMonths })}</dd>
      <dt>{t("agreement.fields.municipalSekPerYear")}</dt>
      <dd>{formatSek(terms.municipalSekPerYear)}</dd>
      {terms.partners.length ? (
        <>
          <dt>{t("agreement.fields.partners")}</dt>
          <dd>{terms.partners.map((p) => `${p.name} (${p.orgNumber})`).join(", ")}</dd>
        </>
      ) : null}
    </dl>
  );
}

/** A change under way: what it changes, why, and (for staff) dropping it. */
function AmendmentNotice({ view, version }: { view: AgreementView; version: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const a = view.amendment;
  if (!a) return null;
  return (
    <section className="panel panel--task" aria-labelledby="amendment-heading">
      <h2 id="amendment-heading">{t(`agreement.amendment.${a.kind}`, { number: view.number })}</h2>
      <p>{t("agreement.amendment.lead", { basedOn: a.basedOn, number: view.number })}</p>
      <p className="muted">
        {t("agreement.amendment.startedBy", { name: a.startedBy, at: formatDateTime(a.startedAt, lang) })}
      </p>
      <p className="pre-line">
        <strong>{t("agreement.fields.changeReason")}:</strong> {a.reason}
      </p>
      <p>
        <AppLink to={`?fran=${a.basedOn}&till=${view.number}#diff-heading`}>
          {t("agreement.amendment.compare", { basedOn: a.basedOn })}
        </AppLink>
        {view.inForce ? (
          <>
            {" · "}
            <a href={view.inForce.pdf} download>
              {t("agreement.downloadPdf", { number: view.inForce.number })}
            </a>
          </>
        ) : null}
      </p>
      {view.may.withdrawAmendment ? (
        <ActionPanel
          lead={t("agreement.amendment.withdrawLead")}
          intent="withdrawAmendment"
          version={version}
          secondary
        >
          {t("agreement.amendment.withdraw")}
        </ActionPanel>
      ) : null}
    </section>
  );
}

/** Staff start a change: renegotiate the text, or extend the term to a later end date. */
function AmendForm({ end, version, lastResult }: { end: string; version: number; lastResult: Result }) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(amendmentSchema, lastResult, "amend", { version: String(version) });
  return (
    <CollapsiblePanel open={Boolean(lastResult)} title={t("agreement.amendment.start")}>
      <p>{t("agreement.amendment.startLead")}</p>
      <IntentForm form={form} intent="amend" version={version} submit={t("agreement.amendment.start")}>
        <ChoiceGroup
          field={fields.kind}
          type="radio"
          legend={t("agreement.fields.kind")}
          options={(["renegotiation", "extension"] as const).map((k) => ({
            value: k,
            label: t(`agreement.amendment.kinds.${k}`),
          }))}
        />
        <DateField field={fields.end} label={t("agreement.fields.newEnd", { end })} optional />
        <TextAreaField field={fields.changeReason} label={t("agreement.fields.changeReason")} rows={3} />
      </IntentForm>
    </CollapsiblePanel>
  );
}

/** Signed versions that a later signed change replaced: kept, each with its PDF. */
function EarlierVersions({ view }: { view: AgreementView }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section aria-labelledby="earlier-heading">
      <h2 id="earlier-heading">{t("agreement.earlier")}</h2>
      <ul className="plain-list">
        {view.earlier.map((e) => (
          <li key={e.number}>
            {e.pdf ? (
              <a href={e.pdf} download>
                {t("agreement.downloadPdf", { number: e.number })}
              </a>
            ) : (
              t("agreement.version", { number: e.number })
            )}{" "}
            <span className="muted">{t("agreement.signedAt", { at: formatDateTime(e.signedAt, lang) })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The text by section, with the comments on each and, for those who may, a form to comment. */
function AgreementDocument({ view, resultFor }: { view: AgreementView; resultFor: (form: string) => Result }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <section aria-labelledby="text-heading">
      <h2 id="text-heading">{t("agreement.text")}</h2>
      {view.sections.map((s, i) => (
        <section key={s.key} id={`section-${s.key}`} className="agreement-section" aria-labelledby={`h-${s.key}`}>
          <h3 id={`h-${s.key}`}>
            {i + 1}. {sectionTitle(s.key)}
          </h3>
          <p className="pre-line">{s.text || t("cases.notAnswered")}</p>
          {s.comments.length ? (
            <ul className="agreement-comments" aria-label={t("agreement.comments")}>
              {s.comments.map((cm) => (
                <li key={cm.id}>
                  <strong>{cm.author}</strong>{" "}
                  <span className="muted">
                    {formatDateTime(cm.at, lang)} · {t("agreement.version", { number: cm.number })}
                  </span>
                  <p className="pre-line">{cm.body}</p>
                </li>
              ))}
            </ul>
          ) : null}
          {view.may.comment ? <CommentForm section={s.key} lastResult={resultFor(`comment-${s.key}`)} /> : null}
        </section>
      ))}
    </section>
  );
}

/**
 * A comment on one section. After sending, the box is empty again (a new form for the new page)
 * and the confirmation is shown right here, where the person is, not only at the top.
 */
function CommentForm({ section, lastResult }: { section: string; lastResult: Result }) {
  const location = useLocation();
  const sent = new URLSearchParams(location.search).get("kommenterat") === section;
  const { t } = useTranslation();
  return (
    <>
      {sent ? (
        <p className="notice" role="status">
          {t("agreement.toasts.commented")}
        </p>
      ) : null}
      <CommentBox key={location.key} section={section} lastResult={lastResult} />
    </>
  );
}

function CommentBox({ section, lastResult }: { section: string; lastResult: Result }) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(agreementCommentSchema, lastResult, `comment-${section}`, { section });
  return (
    <CollapsiblePanel open={Boolean(lastResult)} title={t("agreement.commentOn", { section: sectionTitle(section) })}>
      <IntentForm form={form} intent="comment" submit={t("agreement.sendComment")} secondary>
        <input type="hidden" name="section" value={section} />
        <TextAreaField field={fields.body} label={t("agreement.fields.body")} rows={3} />
      </IntentForm>
    </CollapsiblePanel>
  );
}

/** Staff edit the text; each save that changes something becomes the next version. */
function AgreementEditor({ view, version, lastResult }: { view: AgreementView; version: number; lastResult: Result }) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(agreementDraftSchema, lastResult, "draft", {
    version: String(version),
    start: view.terms.start,
    end: view.terms.end,
    noticeMonths: String(view.terms.noticeMonths),
    municipalSekPerYear: String(view.terms.municipalSekPerYear),
    partnerOrgNumbers: view.terms.partners.map((p) => p.orgNumber).join("\n"),
    sections: Object.fromEntries(view.sections.map((s) => [s.key, s.text])),
  });
  const sections = fields.sections.getFieldset();
  return (
    <CollapsiblePanel open={Boolean(lastResult)} title={t("agreement.edit")}>
      <p>{t("agreement.editLead")}</p>
      <IntentForm form={form} intent="saveAgreement" version={version} submit={t("agreement.save")}>
        <div className="row">
          <DateField field={fields.start} label={t("agreement.fields.start")} />
          <DateField field={fields.end} label={t("agreement.fields.end")} />
        </div>
        <div className="row">
          <TextField
            field={fields.noticeMonths}
            label={t("agreement.fields.noticeMonths")}
            className="input--tiny"
            type="number"
          />
          <AmountField field={fields.municipalSekPerYear} label={t("agreement.fields.municipalSekPerYear")} />
        </div>
        <TextAreaField
          field={fields.partnerOrgNumbers}
          label={t("agreement.fields.partnerOrgNumbers")}
          hint={t("agreement.partnersHint")}
          rows={2}
          optional
        />
        {view.sections.map((s, i) => (
          <TextAreaField
            key={s.key}
            field={sections[s.key as keyof typeof sections]}
            label={`${i + 1}. ${sectionTitle(s.key)}`}
            rows={5}
            optional
          />
        ))}
      </IntentForm>
    </CollapsiblePanel>
  );
}

/** Every version with author and time, and a comparison of any two (a GET form, no script needed). */
function VersionCompare({ view, diff }: { view: AgreementView; diff: AgreementPageData["diff"] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const options = view.versions.map((v) => ({
    value: String(v.number),
    label: t("agreement.version", { number: v.number }),
  }));
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t("agreement.versions")}</h2>
      <ol className="plain-list">
        {view.versions.map((v) => (
          <li key={v.number}>
            <strong>{t("agreement.version", { number: v.number })}</strong>{" "}
            <span className="muted">{t("agreement.savedBy", { name: v.author, at: formatDateTime(v.at, lang) })}</span>
          </li>
        ))}
      </ol>
      {view.versions.length > 1 ? (
        <Form method="get" className="form" aria-label={t("agreement.compare")}>
          <div className="row">
            <FilterSelect
              id="fran"
              name="fran"
              label={t("agreement.from")}
              fallback={String(view.number - 1)}
              options={options}
            />
            <FilterSelect
              id="till"
              name="till"
              label={t("agreement.to")}
              fallback={String(view.number)}
              options={options}
            />
          </div>
          <button type="submit" className="button button--secondary">
            {t("agreement.compare")}
          </button>
        </Form>
      ) : null}
      {diff ? <DiffView diff={diff} /> : null}
    </section>
  );
}

function DiffView({ diff }: { diff: NonNullable<AgreementPageData["diff"]> }) {
  const { t } = useTranslation();
  const changed = diff.sections.filter((s) => s.changed);
  return (
    <section className="diff panel" aria-labelledby="diff-heading">
      <h3 id="diff-heading">{t("agreement.diffTitle", { from: diff.from, to: diff.to })}</h3>
      <p className="muted">{t("agreement.diffLegend")}</p>
      {changed.length === 0 ? <p>{t("agreement.noChanges")}</p> : null}
      {changed.map((s) => (
        <div key={s.key} className="diff__section">
          <h4>{s.key === "terms" ? t("agreement.terms") : sectionTitle(s.key)}</h4>
          <p className="pre-line">
            {s.parts.map((p, i) =>
              p.change === "added" ? (
                <ins key={i}>
                  <span className="visually-hidden">{t("agreement.added")} </span>
                  {p.text}
                </ins>
              ) : p.change === "removed" ? (
                <del key={i}>
                  <span className="visually-hidden">{t("agreement.removed")} </span>
                  {p.text}
                </del>
              ) : (
                <span key={i}>{p.text}</span>
              ),
            )}
          </p>
        </div>
      ))}
    </section>
  );
}

function SigningStatus({ view }: { view: AgreementView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const signing = view.signing;
  if (!signing) return null;
  return (
    <section className="panel" aria-labelledby="signing-heading">
      <h2 id="signing-heading">{t("agreement.signingTitle", { number: signing.number })}</h2>
      <ul className="plain-list">
        {signing.signers.map((s) => (
          <li key={`${s.party}-${s.name}`}>
            <strong>{s.name}</strong>, {s.role}:{" "}
            {s.at ? t("agreement.signedAt", { at: formatDateTime(s.at, lang) }) : t("agreement.notSigned")}
          </li>
        ))}
      </ul>
      <p className="muted hash">{t("agreement.hash", { hash: signing.hash })}</p>
      {view.pdf ? (
        <p>
          <a href={view.pdf} download>
            {t("agreement.downloadPdf", { number: signing.number })}
          </a>
        </p>
      ) : null}
    </section>
  );
}

/**
 * The signer reads the version and signs it by giving their password again, or, where the public
 * body asks for e-ID, after a fresh e-ID authentication (which returns here).
 */
function SignForm({
  view,
  signWith,
  lastResult,
}: {
  view: AgreementView;
  signWith: AgreementPageData["signWith"];
  lastResult: Result;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const eid = signWith?.provider ?? null;
  const [form, fields] = useSchemaForm(eid ? signWithEidSchema : signSchema, lastResult, "sign");
  const mine = view.mySigning;
  const location = useLocation();
  if (!mine || !view.signing) return null;
  if (eid && !signWith?.fresh) {
    return (
      <section className="panel panel--task" aria-labelledby="sign-heading">
        <h2 id="sign-heading">{t("agreement.signTitle", { number: view.signing.number })}</h2>
        {/* A refused signature (the e-ID too old, or missing) is said here, above the button. */}
        <ErrorNotice
          message={Object.values(lastResult?.error ?? {})
            .flat()
            .find(Boolean)}
        />
        <p>{t("agreement.signEidLead", { provider: eid.label })}</p>
        <ProviderButton
          providerId={eid.id}
          purpose="stepup"
          returnTo={`${location.pathname}#sign-heading`}
          signing={signWith?.signing ?? undefined}
          label={t("agreement.signEidStart", { provider: eid.label })}
        />
      </section>
    );
  }
  return (
    <section className="panel panel--task" aria-labelledby="sign-heading">
      <h2 id="sign-heading">{t("agreement.signTitle", { number: view.signing.number })}</h2>
      <p>
        {signWith?.fresh
          ? t("agreement.signEidDone", {
              provider: signWith.fresh.label,
              time: formatDateTime(signWith.fresh.authTime, lang),
            })
          : t("agreement.signLead")}
      </p>
      <IntentForm form={form} intent="sign" submit={t("agreement.sign")}>
        {/* The signature is of exactly this text: a changed version is refused, not signed. */}
        <input type="hidden" name="signingNumber" value={view.signing.number} />
        <input type="hidden" name="signingHash" value={view.signing.hash} />
        <ChoiceGroup
          field={fields.confirm}
          type="checkbox"
          legend={t("agreement.fields.confirmLegend")}
          options={[{ value: "on", label: t("agreement.confirm", { number: view.signing.number, role: mine.role }) }]}
        />
        {eid ? null : (
          <TextField
            field={(fields as typeof fields & { password: (typeof fields)["confirm"] }).password}
            label={t("agreement.fields.password")}
            type="password"
            autoComplete="current-password"
          />
        )}
      </IntentForm>
    </section>
  );
}

function SendForSigning({
  choices,
  version,
  lastResult,
}: {
  choices: NonNullable<AgreementPageData["choices"]>;
  version: number;
  lastResult: Result;
}) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(sendForSigningSchema, lastResult, "send", { version: String(version) });
  return (
    <section className="panel" aria-labelledby="send-heading">
      <h2 id="send-heading">{t("agreement.sendTitle")}</h2>
      <p>{t("agreement.sendLead")}</p>
      <ul className="plain-list">
        {choices.organisations.map((o) => (
          <li key={o.id}>{t("agreement.signingRule", { organisation: o.name, count: o.required })}</li>
        ))}
      </ul>
      <IntentForm form={form} intent="sendForSigning" version={version} submit={t("agreement.send")}>
        <ChoiceGroup
          field={fields.organisationSignerIds}
          type="checkbox"
          legend={t("agreement.fields.organisationSignerIds")}
          options={choices.organisation.map((m) => ({
            value: m.id,
            label: choices.organisations.length > 1 ? `${m.name} (${m.organisation})` : m.name,
          }))}
        />
        <SelectField
          field={fields.delegateId}
          label={t("agreement.fields.delegateId")}
          placeholder=""
          options={choices.municipality.map((m) => ({ value: m.id, label: m.name }))}
        />
      </IntentForm>
    </section>
  );
}

/** The contributions ledger: planned, paid and reported per year and in total, with the forms. */
function Ledger({ view, version, resultFor }: PanelProps) {
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
function FollowUp({ view, version, resultFor }: PanelProps) {
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

/**
 * The agreement's forms share a shape: the error summary, the intent, the version the person
 * saw (a stale one is 409), the fields, one button.
 */
function IntentForm<Schema extends Record<string, unknown>>({
  form,
  intent,
  version,
  submit,
  secondary = false,
  withFile = false,
  children,
}: {
  form: FormMetadata<Schema, string[]>;
  intent: string;
  version?: number;
  submit: string;
  secondary?: boolean;
  /** Sent as multipart: the form has a file input. */
  withFile?: boolean;
  children: React.ReactNode;
}) {
  return (
    <Form method="post" {...getFormProps(form)} encType={withFile ? "multipart/form-data" : undefined} className="form">
      <ErrorSummary form={form} labelPrefix="agreement.fields" />
      <input type="hidden" name="intent" value={intent} />
      {version === undefined ? null : <input type="hidden" name="version" value={version} />}
      {children}
      <button type="submit" className={secondary ? "button button--secondary" : "button"}>
        {submit}
      </button>
    </Form>
  );
}

/** Either party may give notice; the agreement then ends after the notice period. */
function TerminateForm({ version, lastResult }: { version: number; lastResult: Result }) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(terminateSchema, lastResult, "terminate", { version: String(version) });
  return (
    <CollapsiblePanel open={Boolean(lastResult)} title={t("agreement.terminate")}>
      <p>{t("agreement.terminateLead")}</p>
      <IntentForm form={form} intent="terminate" version={version} submit={t("agreement.terminate")} secondary>
        <TextAreaField field={fields.reason} label={t("agreement.fields.reason")} rows={3} />
        <ChoiceGroup
          field={fields.confirm}
          type="checkbox"
          legend={t("agreement.fields.confirmLegend")}
          options={[{ value: "on", label: t("agreement.confirmTermination") }]}
        />
      </IntentForm>
    </CollapsiblePanel>
  );
}

/** A one-button panel: a lead, the intent and the version the person saw. */
function ActionPanel({
  lead,
  intent,
  version,
  secondary = false,
  children,
}: {
  lead: string;
  intent: string;
  version: number;
  secondary?: boolean;
  children: React.ReactNode;
}) {
  return (
    <Form method="post" className="panel">
      <p>{lead}</p>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" className={secondary ? "button button--secondary" : "button"}>
        {children}
      </button>
    </Form>
  );
}
