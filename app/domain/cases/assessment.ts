// The IOP assessment (docs/domain.md, "What a case records, and why"): the suitability check,
// the legal check and the state-aid arithmetic. Plain, shared by server and browser.

export const SUITABILITY_CHECKS = [
  "ownInitiative",
  "generalInterest",
  "notAssociationGrant",
  "noMarket",
  "bothContribute",
  "longTerm",
  "addedValue",
] as const;
export const LEGAL_CHECKS = ["localGovernmentAct", "notPublicContract", "stateAid"] as const;
export const ALL_CHECKS = [...SUITABILITY_CHECKS, ...LEGAL_CHECKS] as const;
export type CheckKey = (typeof ALL_CHECKS)[number];

export const STATE_AID_BASES = ["notAid", "deMinimis", "sgei"] as const;
export type StateAidBasis = (typeof STATE_AID_BASES)[number];

/** De minimis ceilings over three years (EU 2023/2831 and 2023/2832). */
export const DE_MINIMIS_CEILING_EUR = 300_000;
export const SGEI_DE_MINIMIS_CEILING_EUR = 750_000;

/** Kronor to whole euro at `sekPerEur` kronor per euro (the ceiling is in euro). */
export const sekToEur = (sek: number, sekPerEur: number) => Math.round(sek / sekPerEur);

export function deMinimisTotal(otherAidEur: number, requestedEur: number, basis: StateAidBasis | "") {
  const total = otherAidEur + requestedEur;
  const ceiling = basis === "sgei" ? SGEI_DE_MINIMIS_CEILING_EUR : DE_MINIMIS_CEILING_EUR;
  return { total, ceiling, withinCeiling: total <= ceiling };
}

export interface CheckAnswerInput {
  answer: "yes" | "no" | "";
  comment: string;
}

/** Checks answered "no" need a written reason; unanswered checks are listed. */
export function assessmentGaps(checks: Partial<Record<CheckKey, CheckAnswerInput>>) {
  const unanswered = ALL_CHECKS.filter((k) => !checks[k]?.answer);
  const noWithoutReason = ALL_CHECKS.filter((k) => checks[k]?.answer === "no" && !checks[k]?.comment.trim());
  return { unanswered, noWithoutReason };
}
