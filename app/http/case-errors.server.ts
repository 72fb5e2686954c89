import { data } from "@remix-run/node";
import { CaseConflictError } from "../domain/cases/engine.server";
import { TransitionError } from "../domain/cases/lifecycle";
import { AssessmentError } from "../domain/cases/decision.server";
import { DialogueError } from "../domain/cases/dialogue.server";
import { AgreementError } from "../domain/agreements/agreements.server";

/**
 * Turns the case domain's refusals into answers: a lost race is 409 with the new state shown,
 * a transition that is not allowed is 403 (wrong role) or 409 (wrong status), with a message.
 */
export function caseErrorResponse(error: unknown) {
  if (error instanceof CaseConflictError) {
    return data({ result: null, caseError: "cases.conflict" }, { status: 409 });
  }
  if (error instanceof TransitionError) {
    return data(
      { result: null, caseError: `cases.refused.${error.reason}` },
      { status: error.reason === "actor" ? 403 : 409 },
    );
  }
  if (error instanceof AssessmentError) {
    return data(
      { result: null, caseError: `assessment.refused.${error.message}` },
      { status: error.message === "actor" ? 403 : 409 },
    );
  }
  if (error instanceof AgreementError) {
    const status =
      error.reason === "actor" || error.reason === "signer"
        ? 403
        : error.reason === "password" || error.reason === "unchanged" || error.reason === "signers"
          ? 400
          : 409;
    return data({ result: null, caseError: error.message }, { status });
  }
  if (error instanceof DialogueError && error.message === "notFound") {
    throw new Response("Sidan finns inte", { status: 404 });
  }
  if (error instanceof DialogueError) {
    return data(
      { result: null, caseError: `cases.refused.${error.message}` },
      { status: error.message === "actor" ? 403 : 409 },
    );
  }
  throw error;
}
