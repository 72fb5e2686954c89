import type { SubmissionResult } from "@conform-to/react";

interface ActionAnswer {
  result?: SubmissionResult<string[]> | null;
  /** Which of the page's forms answered (see `invalid()`); null for the page's main form. */
  form?: string | null;
  caseError?: string;
}

/** What an action answered, per form: a page with several forms shows errors only at the one sent. */
export function formResults(actionData: unknown) {
  const answer = (actionData ?? {}) as ActionAnswer;
  return {
    resultFor: (form: string | null) => (answer.result && (answer.form ?? null) === form ? answer.result : undefined),
    caseError: answer.caseError ?? null,
  };
}
