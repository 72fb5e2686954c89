import { AppLink } from "../app-link";
import { useTranslation } from "react-i18next";
import type { AgreementView } from "~/domain/agreements/agreements.server";
import { formatDate, formatSek } from "~/i18n";
import { StatusBadge } from "../case";
import { ErrorNotice } from "../error-notice";
import { PageHeading } from "../layout";
import { useLang } from "../root-data";
import { EarlierVersions, AgreementDocument, AgreementEditor, VersionCompare } from "./drafting";
import { SigningStatus, SignForm, SendForSigning } from "./signing";
import { Ledger, FollowUp } from "./follow-up";
import { AmendmentNotice, AmendForm, TerminateForm } from "./ending";
import { ActionPanel, type AgreementPageData, type Result } from "./shared";

// The agreement page (docs/domain.md, "The agreement"), the same for the organisation and for
// staff: the stages' panels (drafting, signing, follow-up, ending) by what each may do.

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
