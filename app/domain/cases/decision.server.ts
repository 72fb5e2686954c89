import { addressOf, allBodies, mailSender } from "../public-body/public-body.server";
import type { Assessment, Decision } from "#models/proposal";
import { PublicBodyModel } from "#models/public-body";
import { ALL_CHECKS, assessmentGaps, sekToEur, type CheckAnswerInput, type CheckKey } from "./assessment";
import { mayOnCase, type CaseRelation } from "../access/policy";
import type { CaseEffect } from "./effects";
import { recordChange, requireTransitionActor, transition, type CaseDoc } from "./engine.server";
import { localeOf } from "../notifications/outbox.server";
import type { SessionUser } from "../identity/sessions.server";
import { clockNow } from "../kernel/clock";

// Jäv, assessment and decision. The assessment is internal until the decision; the decision
// (with its reasons) is shared with the organisation and entered in the document list.

export class AssessmentError extends Error {}

/** The user's latest declaration for this role, if any. */
export function latestDeclaration(c: CaseDoc, userId: string, role: "assessor" | "decisionMaker") {
  return [...(c.conflictDeclarations ?? [])].reverse().find((d) => String(d.userId) === userId && d.role === role);
}

/**
 * Records the assessor's jäv declaration. Declaring a conflict is kept on record and blocks
 * this person from assessing; the office then reassigns the case.
 */
export async function declareConflict(c: CaseDoc, user: SessionUser, actor: CaseRelation, hasConflict: boolean) {
  if (!mayOnCase("assess", actor)) throw new AssessmentError("actor");
  const declaration = { userId: user._id, name: user.name, role: "assessor" as const, hasConflict, at: clockNow() };
  const { case: after } = await recordChange(
    c,
    { type: "conflictDeclared", actor: user, shared: false, data: { hasConflict } },
    { conflictDeclarations: [...(c.conflictDeclarations ?? []), declaration] },
  );
  return after;
}

/** Starts the assessment; only after the assessor has declared that there is no jäv. */
export async function startAssessment(c: CaseDoc, user: SessionUser, expectedVersion: number) {
  requireTransitionActor("startAssessment", user, c);
  const declared = latestDeclaration(c, String(user._id), "assessor");
  if (!declared || declared.hasConflict) throw new AssessmentError("conflict");
  const { case: after } = await transition(c, "startAssessment", user, { expectedVersion, shared: true });
  return after;
}

export interface AssessmentInput {
  checks: Partial<Record<CheckKey, CheckAnswerInput>>;
  stateAidBasis: string;
  otherDeMinimisSek: number;
  requestedSek: number;
  recommendation: "approve" | "decline" | "";
  recommendationText: string;
}

export async function saveAssessment(
  c: CaseDoc,
  user: SessionUser,
  actor: CaseRelation,
  input: AssessmentInput,
  expectedVersion: number,
) {
  if (!mayOnCase("assess", actor)) throw new AssessmentError("actor");
  if (c.status !== "in_assessment") throw new AssessmentError("status");
  const declared = latestDeclaration(c, String(user._id), "assessor");
  if (!declared || declared.hasConflict) throw new AssessmentError("conflict");
  // The amounts are entered in kronor; the rate in force is kept with them, so the euro sums
  // read later are the ones the officer saw.
  const rate = (await PublicBodyModel.findById(c.publicBodyId).select("eurRate").lean())?.eurRate;
  const eur = (sek: number) => (rate ? sekToEur(sek, rate.sekPerEur) : 0);
  const assessment: Assessment = {
    checks: ALL_CHECKS.map((key) => ({
      key,
      answer: input.checks[key]?.answer ?? "",
      comment: input.checks[key]?.comment ?? "",
    })),
    stateAidBasis: input.stateAidBasis,
    otherDeMinimisSek: input.otherDeMinimisSek,
    requestedSek: input.requestedSek,
    otherDeMinimisEur: eur(input.otherDeMinimisSek),
    requestedEur: eur(input.requestedSek),
    sekPerEur: rate?.sekPerEur,
    rateDate: rate?.date,
    recommendation: input.recommendation,
    recommendationText: input.recommendationText,
    savedAt: clockNow(),
    savedBy: user._id,
  };
  const { case: after } = await recordChange(
    c,
    { expectedVersion, type: "assessmentSaved", actor: user, shared: false },
    { assessment },
  );
  return after;
}

export type DecisionInput = Omit<Decision, "recordedBy"> & { decisionMakerHasNoConflict: boolean };

/**
 * Records the decision of the committee or the officer with delegation. The assessment must
 * be complete (every check answered, reasons for every "no"), and the decision maker must
 * have declared no jäv. The organisation is told the outcome with the reasons.
 */
export async function decide(c: CaseDoc, user: SessionUser, input: DecisionInput, expectedVersion: number) {
  requireTransitionActor(input.outcome === "approved" ? "approve" : "decline", user, c);
  const gaps = assessmentGaps(
    Object.fromEntries((c.assessment?.checks ?? []).map((k) => [k.key, { answer: k.answer, comment: k.comment }])),
  );
  if (!c.assessment || gaps.unanswered.length || gaps.noWithoutReason.length) throw new AssessmentError("incomplete");
  if (!input.decisionMakerHasNoConflict) throw new AssessmentError("decisionMakerConflict");
  const { decisionMakerHasNoConflict: _declared, ...rest } = input;
  const decision: Decision = { ...rest, recordedBy: user._id };
  const declaration = {
    userId: user._id,
    name: input.decisionMakerName,
    role: "decisionMaker" as const,
    hasConflict: false,
    at: clockNow(),
  };
  const sender = await mailSender(c.publicBodyId);
  const body = (await allBodies()).find((b) => b._id.equals(c.publicBodyId));
  const effects: CaseEffect[] = [
    {
      kind: "document",
      ref: "decision:{seq}",
      entry: {
        direction: "outgoing",
        title: `Beslut (${input.outcome === "approved" ? "bifall" : "avslag"})${input.protocolRef ? `, ${input.protocolRef}` : ""}`,
        sender: input.decisionMakerName,
      },
    },
  ];
  for (const to of [...new Set([c.contactEmail].filter(Boolean))]) {
    effects.push({
      kind: "email",
      key: `decision:${String(c._id)}:{seq}:${to}`,
      to,
      email: {
        template: "notice",
        notice: input.outcome,
        locale: await localeOf(to),
        caseNumber: c.caseNumber ?? "",
        title: c.title,
        name: input.decisionMakerName,
        publicBody: body?.name ?? "",
        reasons: input.justification,
        url: `${await addressOf(c.publicBodyId)}/forslag/${String(c._id)}`,
        sender,
      },
    });
  }
  const { case: after } = await transition(c, input.outcome === "approved" ? "approve" : "decline", user, {
    expectedVersion,
    patch: { decision, conflictDeclarations: [...(c.conflictDeclarations ?? []), declaration] },
    data: { protocolRef: input.protocolRef },
    effects,
  });
  return after;
}
