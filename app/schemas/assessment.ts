import { ALL_CHECKS, STATE_AID_BASES } from "~/domain/cases/assessment";
import { MAX_LONG, optionalText, requiredDay, requiredText, z } from "~/domain/kernel/validation";

const version = z.coerce.number().int().min(0);
const wholeNumber = z
  .string()
  .trim()
  .max(15)
  .transform((v) => v.replace(/[\s\u00a0]/g, ""))
  .refine((v) => v === "" || /^\d{1,12}$/.test(v), "cases.errors.wholeNumber")
  .transform((v) => (v === "" ? 0 : Number(v)))
  .optional()
  .default(0);

export const conflictSchema = z.object({ version, declaration: z.enum(["noConflict", "conflict"]) });

const check = z
  .object({ answer: z.enum(["yes", "no"]).optional(), comment: optionalText(2000) })
  .optional()
  .default({ comment: "" });

export const assessmentSchema = z.object({
  version,
  checks: z.object(
    Object.fromEntries(ALL_CHECKS.map((k) => [k, check])) as Record<(typeof ALL_CHECKS)[number], typeof check>,
  ),
  stateAidBasis: z.enum(STATE_AID_BASES).optional(),
  otherDeMinimisSek: wholeNumber,
  requestedSek: wholeNumber,
  recommendation: z.enum(["approve", "decline"]).optional(),
  recommendationText: optionalText(MAX_LONG),
});

export const decisionSchema = z
  .object({
    version,
    outcome: z.enum(["approved", "declined"]),
    decidedBy: z.enum(["committee", "delegation"]),
    decisionMakerName: requiredText(200),
    delegationRef: optionalText(200),
    decisionDate: requiredDay,
    protocolRef: requiredText(50),
    justification: requiredText(MAX_LONG),
    contributionPerYearSek: wholeNumber,
    decisionMakerHasNoConflict: z.literal("on", { error: "assessment.errors.noConflictRequired" }),
  })
  .superRefine((v, ctx) => {
    if (v.decidedBy === "delegation" && !v.delegationRef) {
      ctx.addIssue({ code: "custom", path: ["delegationRef"], message: "assessment.errors.delegationRequired" });
    }
  });
