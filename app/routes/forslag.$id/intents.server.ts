import type { CaseRelation } from "~/domain/access/policy";
import { answerCompletion, confirmMeeting, convertToProposal, postMessage } from "~/domain/cases/dialogue.server";
import type { CaseDoc } from "~/domain/cases/engine.server";
import { ATTACHABLE_STATUSES, isIn, TransitionError } from "~/domain/cases/lifecycle";
import { attachToCase, saveDraft, submitCase, withdrawCase } from "~/domain/cases/proposals.server";
import { invalid, parseForm, withFileError } from "~/http/forms.server";
import { badRequest } from "~/http/request.server";
import { optionalUploadedFile, uploadedFile } from "~/http/uploads.server";
import { redirectWithToast, type SessionUser } from "~/http/session.server";
import { completionAnswerSchema, confirmMeetingSchema, messageSchema } from "~/schemas/dialogue";
import { attachSchema, draftSchema, versionSchema } from "~/schemas/proposal";

interface Ctx {
  c: CaseDoc;
  actor: CaseRelation;
  editable: boolean;
  user: SessionUser;
  formData: FormData;
  tooLarge: boolean;
}

/** Adds an attachment (the case page and the proposal's attachments section), then back to `here`. */
export async function attachIntent({ c, user, formData, tooLarge }: Omit<Ctx, "actor" | "editable">, here: string) {
  if (!isIn(ATTACHABLE_STATUSES, c.status)) {
    throw new TransitionError("submit", "status", c.status);
  }
  const submission = parseForm(formData, attachSchema);
  const file = await uploadedFile(formData, tooLarge);
  if (submission.status !== "success" || "error" in file) {
    return invalid(submission, withFileError(submission, file), tooLarge ? 413 : 400, "attach");
  }
  await attachToCase(c, user, submission.value.title, file);
  return redirectWithToast(here, "cases.attached");
}

/** The organisation's forms on its case page: edit and submit, attach, write, confirm, answer, withdraw. */
export async function runOrganisationCaseIntent({ c, actor, editable, user, formData, tooLarge }: Ctx) {
  const here = `/forslag/${String(c._id)}`;
  const intent = tooLarge ? "attach" : formData.get("intent");
  if (intent === "save" || intent === "submit") {
    // Only drafts can be edited; anything else was submitted meanwhile. A full proposal is
    // written section by section and submitted from its check page (forslag_.$id.*).
    if (!editable) throw new TransitionError("submit", "status", c.status);
    if (c.kind !== "idea") throw badRequest();
    const submission = parseForm(formData, draftSchema);
    if (submission.status !== "success") return invalid(submission);
    const { version, ...content } = submission.value;
    const saved = await saveDraft(c, user, content, version);
    if (intent === "save") return redirectWithToast(here, "cases.saved");
    const result = await submitCase(saved, user, saved.version);
    if (!result.ok) {
      const fieldErrors = Object.fromEntries(result.missing.map((name) => [name, ["cases.errors.missing"]]));
      // The draft is saved; answer with the fields still missing.
      return invalid(submission, { formErrors: ["cases.missingTitle"], fieldErrors });
    }
    return redirectWithToast(here, "cases.submittedToast");
  }
  if (intent === "attach") return attachIntent({ c, user, formData, tooLarge }, here);
  if (intent === "message") {
    const submission = parseForm(formData, messageSchema);
    const file = await optionalUploadedFile(formData, tooLarge);
    if (submission.status !== "success" || (file && "error" in file)) {
      return invalid(submission, withFileError(submission, file), 400, "message");
    }
    await postMessage(c, user, actor, { body: submission.value.body, internal: false, file });
    return redirectWithToast(here, "dialogue.toasts.message");
  }
  if (intent === "confirmMeeting") {
    const submission = parseForm(formData, confirmMeetingSchema);
    if (submission.status !== "success") throw badRequest();
    await confirmMeeting(c, user, actor, submission.value.messageId);
    return redirectWithToast(here, "dialogue.toasts.confirmed");
  }
  if (intent === "answerCompletion") {
    const submission = parseForm(formData, completionAnswerSchema);
    if (submission.status !== "success") return invalid(submission, {}, 400, "answer");
    await answerCompletion(c, user, submission.value.answer, submission.value.version);
    return redirectWithToast(here, "dialogue.toasts.answer");
  }
  if (intent === "convertToProposal") {
    const submission = parseForm(formData, versionSchema);
    if (submission.status !== "success") throw badRequest();
    await convertToProposal(c, user, submission.value.version);
    return redirectWithToast(here, "dialogue.toasts.converted");
  }
  if (intent === "withdraw") {
    const submission = parseForm(formData, versionSchema);
    if (submission.status !== "success") throw badRequest();
    const after = await withdrawCase(c, user, submission.value.version);
    return after
      ? redirectWithToast(here, "cases.withdrawnToast")
      : redirectWithToast("/forslag", "cases.draftDeletedToast");
  }
  throw badRequest();
}
