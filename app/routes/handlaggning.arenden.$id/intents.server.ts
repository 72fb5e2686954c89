import type { SessionUser } from "~/http/session.server";
import type { CaseRelation } from "~/domain/access/policy";
import type { CaseDoc } from "~/domain/cases/engine.server";
import { decide, declareConflict, saveAssessment, startAssessment } from "~/domain/cases/decision.server";
import {
  inviteToMeeting,
  logMeeting,
  postMessage,
  reassignCase,
  requestCompletion,
  setConfidential,
} from "~/domain/cases/dialogue.server";
import { routeCase, RoutingError } from "~/domain/cases/proposals.server";
import { invalid, parseForm, withFileError } from "~/http/forms.server";
import { badRequest } from "~/http/request.server";
import { optionalUploadedFile } from "~/http/uploads.server";
import { redirectWithToast } from "~/http/session.server";
import { objectId } from "~/schemas/organisation";
import { redirect } from "@remix-run/node";
import { assessmentSchema, conflictSchema, decisionSchema } from "~/schemas/assessment";
import {
  completionRequestSchema,
  inviteMeetingSchema,
  meetingSchema,
  messageSchema,
  noteSchema,
  reassignSchema,
} from "~/schemas/dialogue";
import { routeSchema, versionSchema } from "~/schemas/proposal";

interface Ctx {
  c: CaseDoc;
  user: SessionUser;
  actor: CaseRelation;
  formData: FormData;
  tooLarge: boolean;
  here: string;
}

// Each intent of the staff case page: parse the form with its schema (400 with the field
// messages when wrong), call the use case (which asks the policy), redirect with a toast.
const intents: Record<string, (ctx: Ctx) => Promise<Response | ReturnType<typeof invalid>>> = {
  // The routing forms' "show the department's officers": the page again with that department.
  async showOfficers({ formData, here }) {
    const department = objectId.safeParse(formData.get("departmentId"));
    if (!department.success) throw badRequest();
    return redirect(`${here}?forvaltning=${department.data}#route-heading`);
  },
  async route({ c, user, formData, here }) {
    const submission = parseForm(formData, routeSchema);
    if (submission.status !== "success") return invalid(submission, {}, 400, "route");
    try {
      await routeCase(c, user, { ...submission.value, expectedVersion: submission.value.version });
    } catch (error) {
      if (error instanceof RoutingError)
        return routingInvalid(submission, error, "route", here, submission.value.departmentId);
      throw error;
    }
    return redirectWithToast(here, "inbox.routedToast");
  },
  async reassign({ c, user, formData, here }) {
    const submission = parseForm(formData, reassignSchema);
    if (submission.status !== "success") return invalid(submission, {}, 400, "reassign");
    try {
      await reassignCase(c, user, { ...submission.value, expectedVersion: submission.value.version });
    } catch (error) {
      if (error instanceof RoutingError)
        return routingInvalid(submission, error, "reassign", here, submission.value.departmentId);
      throw error;
    }
    return redirectWithToast(here, "dialogue.toasts.reassigned");
  },
  async message({ c, user, actor, formData, tooLarge, here }) {
    const submission = parseForm(formData, messageSchema);
    const file = await optionalUploadedFile(formData, tooLarge);
    if (submission.status !== "success" || (file && "error" in file)) {
      return invalid(submission, withFileError(submission, file), tooLarge ? 413 : 400, "message");
    }
    await postMessage(c, user, actor, { body: submission.value.body, internal: false, file });
    return redirectWithToast(here, "dialogue.toasts.message");
  },
  async note({ c, user, actor, formData, here }) {
    const submission = parseForm(formData, noteSchema);
    if (submission.status !== "success") return invalid(submission, {}, 400, "note");
    await postMessage(c, user, actor, { body: submission.value.note, internal: true });
    return redirectWithToast(here, "dialogue.toasts.note");
  },
  async meeting({ c, user, actor, formData, here }) {
    const submission = parseForm(formData, meetingSchema);
    if (submission.status !== "success") return invalid(submission, {}, 400, "meeting");
    await logMeeting(c, user, actor, submission.value);
    return redirectWithToast(here, "dialogue.toasts.meeting");
  },
  async inviteMeeting({ c, user, actor, formData, here }) {
    const submission = parseForm(formData, inviteMeetingSchema);
    if (submission.status !== "success") return invalid(submission, {}, 400, "invite");
    await inviteToMeeting(c, user, actor, submission.value);
    return redirectWithToast(here, "dialogue.toasts.invited");
  },
  async requestCompletion({ c, user, formData, here }) {
    const submission = parseForm(formData, completionRequestSchema);
    if (submission.status !== "success") return invalid(submission, {}, 400, "completion");
    await requestCompletion(c, user, submission.value.question, submission.value.version);
    return redirectWithToast(here, "dialogue.toasts.completion");
  },
  async setConfidential({ c, user, actor, formData, here }) {
    await setConfidential(c, user, actor, {
      confidential: formData.get("confidential") === "on",
      publicationCleared: formData.get("publicationCleared") === "on",
    });
    return redirectWithToast(here, "cases.confidentialSaved");
  },
  async declareConflict({ c, user, actor, formData, here }) {
    const submission = parseForm(formData, conflictSchema);
    if (submission.status !== "success") return invalid(submission, {}, 400, "conflict");
    await declareConflict(c, user, actor, submission.value.declaration === "conflict");
    return redirectWithToast(here, "assessment.declaredToast");
  },
  async startAssessment({ c, user, formData, here }) {
    const submission = parseForm(formData, versionSchema);
    if (submission.status !== "success") throw badRequest();
    await startAssessment(c, user, submission.value.version);
    return redirectWithToast(here, "assessment.startedToast");
  },
  async saveAssessment({ c, user, actor, formData, here }) {
    const submission = parseForm(formData, assessmentSchema);
    if (submission.status !== "success") return invalid(submission, {}, 400, "assessment");
    const { version, checks, ...rest } = submission.value;
    const answers = Object.entries(checks).map(([k, v]) => [k, { answer: v.answer ?? "", comment: v.comment ?? "" }]);
    await saveAssessment(
      c,
      user,
      actor,
      {
        ...rest,
        stateAidBasis: rest.stateAidBasis ?? "",
        recommendation: rest.recommendation ?? "",
        checks: Object.fromEntries(answers),
      },
      version,
    );
    return redirectWithToast(here, "assessment.saved");
  },
  async decide({ c, user, formData, here }) {
    const submission = parseForm(formData, decisionSchema);
    if (submission.status !== "success") return invalid(submission, {}, 400, "decision");
    const { version, decisionMakerHasNoConflict, ...decision } = submission.value;
    const input = { ...decision, decisionMakerHasNoConflict: decisionMakerHasNoConflict === "on" };
    await decide(c, user, input, version);
    return redirectWithToast(here, "assessment.recorded");
  },
};

function routingInvalid(
  submission: Parameters<typeof invalid>[0],
  error: RoutingError,
  form: string,
  here: string,
  department: string,
) {
  // Another department chosen than the officers listed (without JavaScript, without pressing
  // "Visa förvaltningens handläggare"): nothing is routed; the page lists the chosen one's officers.
  if (error.message === "officerId")
    return redirectWithToast(`${here}?forvaltning=${department}#route-heading`, "inbox.chooseOfficerToast");
  const message = error.message === "officerId" ? "inbox.wrongOfficer" : "errors.choose";
  return invalid(submission, { fieldErrors: { [error.message]: [message] } }, 400, form);
}

/** Runs the form's intent; an unknown intent is a bad request. A too large body is a message with a file. */
export function runStaffIntent(ctx: Omit<Ctx, "here">) {
  const intent = ctx.tooLarge ? "message" : String(ctx.formData.get("intent") ?? "");
  const handler = Object.hasOwn(intents, intent) ? intents[intent] : undefined;
  if (!handler) throw badRequest();
  return handler({ ...ctx, here: `/handlaggning/arenden/${String(ctx.c._id)}` });
}
