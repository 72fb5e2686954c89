import {
  AgreementError,
  type AgreementRefusal,
  commentOnAgreement,
  assessReport,
  createAgreementDraft,
  logFollowUpMeeting,
  submitReport,
  terminateAgreement,
  recordPayment,
  reopenAgreement,
  saveAgreementDraft,
  sendForSigning,
  signAgreement,
  signingKey,
  stepUpFor,
  startAmendment,
  withdrawAmendment,
} from "~/domain/agreements/agreements.server";
import { redirect } from "@remix-run/node";
import type { CaseDoc } from "~/domain/cases/engine.server";
import { caseErrorResponse } from "~/http/case-errors.server";
import { invalid, parseForm, withFileError, type Submission } from "~/http/forms.server";
import { optionalUploadedFile } from "~/http/uploads.server";
import { badRequest } from "~/http/request.server";
import { takeStepUp } from "~/domain/identity/step-up.server";
import { redirectWithToast, sessionToken, type SessionUser } from "~/http/session.server";
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
  versionOnlySchema,
} from "~/schemas/agreement";

/**
 * The agreement's forms, the same on the organisation's and on staff's agreement page: each
 * intent asks the domain, which checks the policy and the state; `here` is the page to return to.
 */
export async function runAgreementIntent(
  c: CaseDoc,
  user: SessionUser,
  { formData, tooLarge }: { formData: FormData; tooLarge: boolean },
  ip: string,
  here: string,
  request: Request,
) {
  // Only the report carries a file: a file too large to read is that form's error.
  const intent = tooLarge ? "submitReport" : formData.get("intent");
  try {
    if (intent === "createAgreement") {
      const v = parseForm(formData, versionOnlySchema);
      if (v.status !== "success") throw badRequest();
      await createAgreementDraft(c, user, v.value.version);
      return redirectWithToast(here, "agreement.toasts.created");
    }
    if (intent === "saveAgreement") {
      const submission = parseForm(formData, agreementDraftSchema);
      if (submission.status !== "success") return invalid(submission, {}, 400, "draft");
      const { version, ...input } = submission.value;
      const refused = await refusedAt(submission, "draft", () => saveAgreementDraft(c, user, input, version), {
        partner: ["partnerOrgNumbers", "agreement.errors.partnerUnknown"],
      });
      if (refused) return refused;
      return redirectWithToast(here, "agreement.toasts.saved");
    }
    if (intent === "comment") {
      const submission = parseForm(formData, agreementCommentSchema);
      if (submission.status !== "success") {
        return invalid(submission, {}, 400, `comment-${String(formData.get("section") ?? "")}`);
      }
      await commentOnAgreement(c, user, submission.value);
      const section = submission.value.section;
      // The confirmation is shown in the section itself (no toast at the top, far from the box).
      return redirect(`${here}?kommenterat=${section}#section-${section}`);
    }
    if (intent === "sendForSigning") {
      const submission = parseForm(formData, sendForSigningSchema);
      if (submission.status !== "success") return invalid(submission, {}, 400, "send");
      // Too few signers for an organisation's signing rule is that field's error.
      const refused = await refusedAt(
        submission,
        "send",
        () => sendForSigning(c, user, submission.value, submission.value.version),
        { signers: ["organisationSignerIds", "agreement.errors.signers"] },
      );
      if (refused) return refused;
      return redirectWithToast(here, "agreement.toasts.sent");
    }
    if (intent === "reopen") {
      const v = parseForm(formData, versionOnlySchema);
      if (v.status !== "success") throw badRequest();
      await reopenAgreement(c, user, v.value.version);
      return redirectWithToast(here, "agreement.toasts.reopened");
    }
    if (intent === "recordPayment") {
      const submission = parseForm(formData, paymentSchema);
      if (submission.status !== "success") return invalid(submission, {}, 400, "payment");
      const { version, ...input } = submission.value;
      await recordPayment(c, user, input, version);
      return redirectWithToast(`${here}#ledger-heading`, "agreement.toasts.payment");
    }
    if (intent === "submitReport") {
      const submission = parseForm(formData, reportSchema);
      const file = await optionalUploadedFile(formData, tooLarge);
      if (submission.status !== "success" || (file && "error" in file)) {
        return invalid(submission, withFileError(submission, file), tooLarge ? 413 : 400, "report");
      }
      const { version, ...input } = submission.value;
      const refused = await refusedAt(submission, "report", () => submitReport(c, user, { ...input, file }, version), {
        notStarted: ["year", "agreement.errors.yearNotStarted"],
      });
      if (refused) return refused;
      return redirectWithToast(`${here}#follow-up-heading`, "agreement.toasts.report");
    }
    if (intent === "assessReport") {
      const submission = parseForm(formData, reportAssessmentSchema);
      if (submission.status !== "success") {
        return invalid(submission, {}, 400, `assess-${String(formData.get("year") ?? "")}`);
      }
      const { version, ...input } = submission.value;
      await assessReport(c, user, input, version);
      return redirectWithToast(`${here}#follow-up-heading`, "agreement.toasts.assessed");
    }
    if (intent === "logMeeting") {
      const submission = parseForm(formData, followUpMeetingSchema);
      if (submission.status !== "success") return invalid(submission, {}, 400, "meeting");
      const { version, ...input } = submission.value;
      await logFollowUpMeeting(c, user, input, version);
      return redirectWithToast(`${here}#follow-up-heading`, "agreement.toasts.meeting");
    }
    if (intent === "amend") {
      const submission = parseForm(formData, amendmentSchema);
      if (submission.status !== "success") return invalid(submission, {}, 400, "amend");
      const { version, changeReason, ...input } = submission.value;
      // An extension must end later than the agreement does now: that is the date field's error.
      const refused = await refusedAt(
        submission,
        "amend",
        () => startAmendment(c, user, { ...input, reason: changeReason }, version),
        { unchanged: ["end", "agreement.errors.extensionLater"] },
      );
      if (refused) return refused;
      return redirectWithToast(`${here}#text-heading`, `agreement.toasts.${input.kind}`);
    }
    if (intent === "withdrawAmendment") {
      const v = parseForm(formData, versionOnlySchema);
      if (v.status !== "success") throw badRequest();
      await withdrawAmendment(c, user, v.value.version);
      return redirectWithToast(here, "agreement.toasts.amendmentWithdrawn");
    }
    if (intent === "terminate") {
      const submission = parseForm(formData, terminateSchema);
      if (submission.status !== "success") return invalid(submission, {}, 400, "terminate");
      await terminateAgreement(c, user, { reason: submission.value.reason }, submission.value.version);
      return redirectWithToast(here, "agreement.toasts.terminated");
    }
    if (intent === "sign") {
      // Where the public body asks for e-ID at signing, the session's fresh step-up is the proof.
      const eid = Boolean(await stepUpFor(c, user));
      const submission = parseForm(formData, eid ? signWithEidSchema : signSchema);
      if (submission.status !== "success") return invalid(submission, {}, 400, "sign");
      const value = submission.value as { password?: string; signingNumber: number; signingHash: string };
      const seen = { number: value.signingNumber, hash: value.signingHash };
      // One authentication, one signature: the step-up made for this signing is used up here.
      const credential = eid
        ? { ip, eid: async () => takeStepUp(await sessionToken(request), signingKey(c, seen.number)) }
        : { ip, password: value.password ?? "" };
      const refused = await refusedAt(submission, "sign", () => signAgreement(c, user, credential, seen), {
        password: ["password", "agreement.errors.password"],
        throttled: ["password", "agreement.errors.throttled"],
        eid: ["confirm", "agreement.errors.eid"],
      });
      if (refused) return refused;
      return redirectWithToast(here, "agreement.toasts.signed");
    }
  } catch (error) {
    return caseErrorResponse(error);
  }
  throw badRequest();
}

/**
 * Runs a domain call; a refusal that belongs to one field of the form (an unknown co-organisation,
 * too few signers, a wrong password…) is answered as that field's message, 400.
 */
async function refusedAt(
  submission: Submission,
  form: string,
  run: () => Promise<unknown>,
  fields: Partial<Record<AgreementRefusal, [field: string, message: string]>>,
) {
  try {
    await run();
    return null;
  } catch (error) {
    const field = error instanceof AgreementError ? fields[error.reason] : undefined;
    if (!field || !(error instanceof AgreementError)) throw error;
    // "key|n" carries a number into the message (validation's convention); throttling is a 429.
    const message = error.minutes === undefined ? field[1] : `${field[1]}|${error.minutes}`;
    return invalid(
      submission,
      { fieldErrors: { [field[0]]: [message] } },
      error.minutes === undefined ? 400 : 429,
      form,
    );
  }
}
