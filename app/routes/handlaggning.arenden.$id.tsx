import { getFormProps, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CaseContent, CaseSummary, DocumentList, Timeline } from "~/components/case";
import { AssessmentForm, ConflictPanel, DecisionForm, DecisionView } from "~/components/assessment-panel";
import { Attachments } from "~/components/attachments";
import { CaseActionForm, Dialogue, MessageForm } from "~/components/dialogue";
import { ChoiceGroup, ErrorSummary, SelectField, TextAreaField } from "~/components/forms";
import { CollapsiblePanel, PageHeading } from "~/components/layout";
import { useSchemaForm } from "~/components/use-form";
import { casePageData, loadCaseFor } from "~/domain/cases/case-page.server";
import { listOrgDocuments } from "~/domain/records/documents.server";
import { formatBytes } from "~/i18n";
import { caseErrorResponse } from "~/domain/cases/errors.server";
import { DIALOGUE_STATUSES, isIn } from "~/domain/cases/lifecycle";
import {
  decide,
  declareConflict,
  latestDeclaration,
  saveAssessment,
  startAssessment,
} from "~/domain/cases/decision.server";
import { invalid, parseForm, withFileError } from "~/domain/http/forms.server";
import {
  inviteToMeeting,
  setConfidential,
  listDialogue,
  logMeeting,
  postMessage,
  reassignCase,
  requestCompletion,
} from "~/domain/cases/dialogue.server";
import { listOfficers, routeCase, RoutingError, suggestDepartments } from "~/domain/cases/proposals.server";
import { badRequest } from "~/domain/http/request.server";
import { redirectWithToast } from "~/domain/identity/session.server";
import { optionalUploadedFile, readUploadForm } from "~/domain/http/uploads.server";
import {
  completionRequestSchema,
  inviteMeetingSchema,
  meetingSchema,
  messageSchema,
  noteSchema,
  reassignSchema,
} from "~/schemas/dialogue";
import { assessmentSchema, conflictSchema, decisionSchema } from "~/schemas/assessment";
import { routeSchema, versionSchema } from "~/schemas/proposal";

export { revalidateAfterPost as shouldRevalidate } from "~/components/revalidate";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.case.caseNumber ?? ""} ${data?.case.title ?? ""} – Samverka` },
];

async function loadStaffCase(request: Request, id: string | undefined) {
  const ctx = await loadCaseFor(request, id);
  // The organisation's own members use /forslag/:id; politicians have no case pages.
  // (Officers of co-reading departments read here too; the actions check their role.)
  if (ctx.actor === "organisation" || ctx.actor === "politician")
    throw new Response("Sidan finns inte", { status: 404 });
  return ctx;
}

/** The case page of the civil-society office and the officers. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { c, actor, user } = await loadStaffCase(request, params.id);
  const [data, dialogue] = await Promise.all([
    casePageData(c, { staff: true, actor }),
    listDialogue(c, { staff: true }),
  ]);
  const needsOfficers = data.transitions.includes("route") || data.transitions.includes("reassign");
  const routing = needsOfficers
    ? {
        departments: (await suggestDepartments(c)).map((d, i) => ({
          id: String(d._id),
          name: d.name,
          suggested: i === 0 && d.areas.some((a) => c.areas.includes(a)),
        })),
        officers: await listOfficers(c.publicBodyId),
      }
    : null;
  const mine = latestDeclaration(c, String(user._id), "assessor");
  const assessment = c.assessment
    ? {
        checks: c.assessment.checks.map((k) => ({ key: k.key, answer: k.answer, comment: k.comment })),
        stateAidBasis: c.assessment.stateAidBasis,
        otherDeMinimisEur: c.assessment.otherDeMinimisEur,
        requestedEur: c.assessment.requestedEur,
        recommendation: c.assessment.recommendation,
        recommendationText: c.assessment.recommendationText,
      }
    : null;
  const orgDocuments = (await listOrgDocuments(c.publicBodyId, c.organisationId)).map((d) => ({
    id: String(d._id),
    title: d.title,
    kind: d.kind,
    filename: d.filename,
    size: d.size,
    href: `/handlaggning/arenden/${String(c._id)}/organisationsdokument/${String(d._id)}`,
  }));
  return {
    ...data,
    dialogue,
    routing,
    orgDocuments,
    assessment,
    assessor: ["officer", "coordinator"].includes(actor),
    declared: mine ? (mine.hasConflict ? ("conflict" as const) : ("noConflict" as const)) : ("none" as const),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { c, user, actor } = await loadStaffCase(request, params.id);
  const { formData, tooLarge } = await readUploadForm(request);
  const here = `/handlaggning/arenden/${String(c._id)}`;
  const intent = tooLarge ? "message" : String(formData.get("intent") ?? "");
  try {
    switch (intent) {
      case "route": {
        const submission = parseForm(formData, routeSchema);
        if (submission.status !== "success") return invalid(submission, {}, 400, "route");
        try {
          await routeCase(c, user, { ...submission.value, expectedVersion: submission.value.version });
        } catch (error) {
          if (error instanceof RoutingError) return routingInvalid(submission, error, "route");
          throw error;
        }
        return redirectWithToast(here, "inbox.routedToast");
      }
      case "reassign": {
        const submission = parseForm(formData, reassignSchema);
        if (submission.status !== "success") return invalid(submission, {}, 400, "reassign");
        try {
          await reassignCase(c, user, { ...submission.value, expectedVersion: submission.value.version });
        } catch (error) {
          if (error instanceof RoutingError) return routingInvalid(submission, error, "reassign");
          throw error;
        }
        return redirectWithToast(here, "dialogue.toasts.reassigned");
      }
      case "message": {
        const submission = parseForm(formData, messageSchema);
        const file = await optionalUploadedFile(formData, tooLarge);
        if (submission.status !== "success" || (file && "error" in file)) {
          return invalid(submission, withFileError(submission, file), tooLarge ? 413 : 400, "message");
        }
        await postMessage(c, user, actor, { body: submission.value.body, internal: false, file });
        return redirectWithToast(here, "dialogue.toasts.message");
      }
      case "note": {
        const submission = parseForm(formData, noteSchema);
        if (submission.status !== "success") return invalid(submission, {}, 400, "note");
        await postMessage(c, user, actor, { body: submission.value.note, internal: true });
        return redirectWithToast(here, "dialogue.toasts.note");
      }
      case "meeting": {
        const submission = parseForm(formData, meetingSchema);
        if (submission.status !== "success") return invalid(submission, {}, 400, "meeting");
        const { minutes, ...rest } = submission.value;
        await logMeeting(c, user, actor, { ...rest, minutes });
        return redirectWithToast(here, "dialogue.toasts.meeting");
      }
      case "declareConflict": {
        const submission = parseForm(formData, conflictSchema);
        if (submission.status !== "success") return invalid(submission, {}, 400, "conflict");
        await declareConflict(c, user, actor, submission.value.declaration === "conflict");
        return redirectWithToast(here, "assessment.declaredToast");
      }
      case "startAssessment": {
        const submission = parseForm(formData, versionSchema);
        if (submission.status !== "success") throw badRequest();
        await startAssessment(c, user, submission.value.version);
        return redirectWithToast(here, "assessment.startedToast");
      }
      case "saveAssessment": {
        const submission = parseForm(formData, assessmentSchema);
        if (submission.status !== "success") return invalid(submission, {}, 400, "assessment");
        const { version, checks, ...rest } = submission.value;
        await saveAssessment(
          c,
          user,
          actor,
          {
            ...rest,
            stateAidBasis: rest.stateAidBasis ?? "",
            recommendation: rest.recommendation ?? "",
            checks: Object.fromEntries(
              Object.entries(checks).map(([k, v]) => [k, { answer: v.answer ?? "", comment: v.comment ?? "" }]),
            ),
          },
          version,
        );
        return redirectWithToast(here, "assessment.saved");
      }
      case "decide": {
        const submission = parseForm(formData, decisionSchema);
        if (submission.status !== "success") return invalid(submission, {}, 400, "decision");
        const { version, decisionMakerHasNoConflict, ...decision } = submission.value;
        await decide(
          c,
          user,
          { ...decision, decisionMakerHasNoConflict: decisionMakerHasNoConflict === "on" },
          version,
        );
        return redirectWithToast(here, "assessment.recorded");
      }
      case "setConfidential": {
        await setConfidential(c, user, actor, formData.get("confidential") === "on");
        return redirectWithToast(here, "cases.confidentialSaved");
      }
      case "inviteMeeting": {
        const submission = parseForm(formData, inviteMeetingSchema);
        if (submission.status !== "success") return invalid(submission, {}, 400, "invite");
        await inviteToMeeting(c, user, actor, submission.value);
        return redirectWithToast(here, "dialogue.toasts.invited");
      }
      case "requestCompletion": {
        const submission = parseForm(formData, completionRequestSchema);
        if (submission.status !== "success") return invalid(submission, {}, 400, "completion");
        await requestCompletion(c, user, submission.value.question, submission.value.version);
        return redirectWithToast(here, "dialogue.toasts.completion");
      }
    }
  } catch (error) {
    return caseErrorResponse(error);
  }
  throw badRequest();
}

function routingInvalid(submission: Parameters<typeof invalid>[0], error: RoutingError, form: string) {
  const message = error.message === "officerId" ? "inbox.wrongOfficer" : "errors.choose";
  return invalid(submission, { fieldErrors: { [error.message]: [message] } }, 400, form);
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

function RoutingForm({
  routing,
  version,
  lastResult,
}: {
  routing: NonNullable<Data["routing"]>;
  version: number;
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const suggested = routing.departments.find((d) => d.suggested);
  const [form, fields] = useSchemaForm(routeSchema, lastResult, "route", {
    version: String(version),
    departmentId: suggested?.id,
  });
  const deptName = (id: string) => routing.departments.find((d) => d.id === id)?.name ?? "";
  return (
    <section className="panel" aria-labelledby="route-heading">
      <h2 id="route-heading">{t("inbox.route")}</h2>
      <p>{t("inbox.routeLead")}</p>
      <Form method="post" {...getFormProps(form)} className="form">
        <ErrorSummary form={form} labelPrefix="inbox" />
        <input type="hidden" name="intent" value="route" />
        <input type="hidden" name={fields.version.name} value={version} />
        <SelectField
          field={fields.departmentId}
          label={t("inbox.department")}
          placeholder=""
          options={routing.departments.map((d) => ({
            value: d.id,
            label: d.suggested ? `${d.name} (${String(t("inbox.suggested"))})` : d.name,
          }))}
        />
        <SelectField
          field={fields.officerId}
          label={t("inbox.officer")}
          placeholder=""
          options={routing.officers.map((o) => ({
            value: o.id,
            label: `${o.name}${o.departmentIds.length ? ` – ${o.departmentIds.map(deptName).join(", ")}` : ` (${String(t(`roles.${o.role}`))})`}`,
          }))}
        />
        <ChoiceGroup
          field={fields.coReaderDepartmentIds}
          type="checkbox"
          legend={t("inbox.coReaders")}
          options={routing.departments.map((d) => ({ value: d.id, label: d.name }))}
        />
        <button type="submit" className="button">
          {t("inbox.route")}
        </button>
      </Form>
    </section>
  );
}

export default function StaffCasePage() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const c = data.case;
  const caseError = actionData && "caseError" in actionData ? actionData.caseError : null;
  const resultFor = (form: string) =>
    actionData && "result" in actionData && actionData.result && actionData.form === form
      ? actionData.result
      : undefined;
  const open = isIn(DIALOGUE_STATUSES, c.status);
  const officerOptions = (data.routing?.officers ?? []).map((o) => ({ value: o.id, label: o.name }));
  const departmentOptions = (data.routing?.departments ?? []).map((d) => ({ value: d.id, label: d.name }));
  return (
    <>
      <p>
        <Link to="/handlaggning">← {t("inbox.title")}</Link>
      </p>
      <PageHeading>
        {c.caseNumber ? `${c.caseNumber} · ` : ""}
        {c.title}
      </PageHeading>
      {caseError ? (
        <p className="notice notice--error" role="alert">
          {t(caseError)}
        </p>
      ) : null}
      <div className="case-grid">
        <div>
          {data.routing && data.transitions.includes("route") ? (
            <RoutingForm key={c.version} routing={data.routing} version={c.version} lastResult={resultFor("route")} />
          ) : null}
          {data.decision ? <DecisionView decision={data.decision} /> : null}
          {data.assessor && c.kind === "proposal" && (c.status === "in_dialogue" || c.status === "in_assessment") ? (
            <section aria-labelledby="assessment-title">
              <h2 id="assessment-title">{t("assessment.title")}</h2>
              <ConflictPanel
                key={`conflict-${c.version}`}
                version={c.version}
                declared={data.declared}
                canStart={data.transitions.includes("startAssessment")}
              />
              {c.status === "in_assessment" && data.declared === "noConflict" ? (
                <>
                  <AssessmentForm
                    key={`assessment-${c.version}`}
                    version={c.version}
                    saved={data.assessment}
                    lastResult={resultFor("assessment")}
                  />
                  <DecisionForm
                    key={`decision-${c.version}`}
                    version={c.version}
                    requested={c.requestedSekPerYear}
                    lastResult={resultFor("decision")}
                  />
                </>
              ) : null}
            </section>
          ) : null}
          <section aria-labelledby="case-details">
            <h2 id="case-details">
              {t("cases.details")} ({t(`cases.kindShort.${c.kind}`)})
            </h2>
            <CaseContent c={c} />
          </section>
          <Attachments attachments={data.attachments} canAttach={false} version={c.version} lastResult={undefined} />
          <section aria-labelledby="org-documents-heading">
            <h2 id="org-documents-heading">{t("inbox.organisationDocuments")}</h2>
            {data.orgDocuments.length === 0 ? (
              <p className="muted">{t("org.noDocuments")}</p>
            ) : (
              <ul>
                {data.orgDocuments.map((d) => (
                  <li key={d.id}>
                    <a href={d.href} download>
                      {d.title}
                    </a>{" "}
                    <span className="muted">
                      ({t(`org.docKinds.${d.kind}`)}, {formatBytes(d.size)})
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {data.organisation ? (
              <p>
                <Link to={`/organisation/${data.organisation.id}`}>{data.organisation.name}</Link>
              </p>
            ) : null}
          </section>
          <section aria-labelledby="dialogue-heading">
            <h2 id="dialogue-heading">{t("dialogue.title")}</h2>
            <Dialogue entries={data.dialogue} />
          </section>
          {open ? (
            <>
              <MessageForm version={c.version} headingKey="dialogue.writeToOrg" lastResult={resultFor("message")} />
              <section className="panel panel--internal" aria-labelledby="note-heading">
                <h3 id="note-heading">{t("dialogue.noteHeading")}</h3>
                <p>{t("dialogue.noteLead")}</p>
                <CaseActionForm
                  key={c.version}
                  id="note"
                  schema={noteSchema}
                  intent="note"
                  fields={[{ name: "note", label: t("dialogue.fields.note") }]}
                  submitLabel={t("dialogue.saveNote")}
                  lastResult={resultFor("note")}
                  secondary
                />
              </section>
              <CollapsiblePanel open={Boolean(resultFor("invite"))} title={t("dialogue.inviteHeading")}>
                <CaseActionForm
                  key={c.version}
                  id="invite"
                  schema={inviteMeetingSchema}
                  intent="inviteMeeting"
                  fields={[
                    {
                      name: "meetingDate",
                      label: t("dialogue.fields.meetingDate"),
                      hint: t("cases.hints.date"),
                      kind: "short",
                    },
                    { name: "meetingTime", label: t("dialogue.fields.meetingTime"), hint: "TT:MM", kind: "short" },
                    { name: "place", label: t("dialogue.fields.place"), kind: "text" },
                    { name: "message", label: t("dialogue.fields.message"), optional: true },
                  ]}
                  submitLabel={t("dialogue.invite")}
                  lastResult={resultFor("invite")}
                  secondary
                />
              </CollapsiblePanel>
              <CollapsiblePanel open={Boolean(resultFor("meeting"))} title={t("dialogue.meetingHeading")}>
                <CaseActionForm
                  key={c.version}
                  id="meeting"
                  schema={meetingSchema}
                  intent="meeting"
                  fields={[
                    {
                      name: "meetingDate",
                      label: t("dialogue.fields.meetingDate"),
                      hint: t("cases.hints.date"),
                      kind: "short",
                    },
                    { name: "participants", label: t("dialogue.fields.participants"), kind: "text" },
                    { name: "minutes", label: t("dialogue.fields.minutes") },
                    { name: "internalNotes", label: t("dialogue.fields.internalNotes"), optional: true },
                  ]}
                  submitLabel={t("dialogue.saveMeeting")}
                  lastResult={resultFor("meeting")}
                  secondary
                />
              </CollapsiblePanel>
            </>
          ) : null}
          {data.transitions.includes("requestCompletion") ? (
            <CollapsiblePanel open={Boolean(resultFor("completion"))} title={t("dialogue.completionHeading")}>
              <p>{t("dialogue.completionLead")}</p>
              <CaseActionForm
                key={c.version}
                id="completion"
                schema={completionRequestSchema}
                intent="requestCompletion"
                version={c.version}
                fields={[{ name: "question", label: t("dialogue.fields.question") }]}
                submitLabel={t("dialogue.requestCompletion")}
                lastResult={resultFor("completion")}
                secondary
              />
            </CollapsiblePanel>
          ) : null}
          <section aria-labelledby="documents-heading">
            <h2 id="documents-heading">{t("cases.documents")}</h2>
            <p className="muted">{t("cases.documentsLead")}</p>
            <DocumentList documents={data.documents} />
          </section>
        </div>
        <aside>
          <section className="panel" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{t("cases.overview")}</h2>
            <CaseSummary data={data} staff />
            <Form method="post" className="form">
              <input type="hidden" name="intent" value="setConfidential" />
              <div className="checkbox">
                <input
                  type="checkbox"
                  id="case-confidential"
                  name="confidential"
                  defaultChecked={c.confidential}
                  key={`confidential-${c.version}`}
                />
                <label htmlFor="case-confidential">{t("cases.confidentialLabel")}</label>
              </div>
              <button type="submit" className="button button--secondary">
                {t("cases.confidentialSave")}
              </button>
            </Form>
          </section>
          {data.routing && data.transitions.includes("reassign") ? (
            <CollapsiblePanel open={Boolean(resultFor("reassign"))} title={t("dialogue.reassignHeading")}>
              <p>{t("dialogue.reassignLead")}</p>
              <ReassignForm
                key={c.version}
                version={c.version}
                departments={departmentOptions}
                officers={officerOptions}
                lastResult={resultFor("reassign")}
              />
            </CollapsiblePanel>
          ) : null}
          <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{t("cases.timeline")}</h2>
            <Timeline events={data.events} />
          </section>
        </aside>
      </div>
    </>
  );
}

function ReassignForm({
  version,
  departments,
  officers,
  lastResult,
}: {
  version: number;
  departments: { value: string; label: string }[];
  officers: { value: string; label: string }[];
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(reassignSchema, lastResult, "reassign");
  return (
    <Form method="post" {...getFormProps(form)} className="form">
      <ErrorSummary form={form} labelPrefix="dialogue.fields" />
      <input type="hidden" name="intent" value="reassign" />
      <input type="hidden" name="version" value={version} />
      <SelectField field={fields.departmentId} label={t("inbox.department")} placeholder="" options={departments} />
      <SelectField field={fields.officerId} label={t("inbox.officer")} placeholder="" options={officers} />
      <TextAreaField field={fields.reason} label={t("dialogue.fields.reason")} rows={2} />
      <button type="submit" className="button button--secondary">
        {t("dialogue.reassign")}
      </button>
    </Form>
  );
}
