import { SECTION_KEYS } from "~/domain/agreements/agreement-text";
import { MAX_LONG, optionalDay, optionalText, requiredDay, requiredText, z } from "~/domain/kernel/validation";
import { AMENDMENT_KINDS } from "#models/constants";
import { formatOrgNumber, orgNumberProblem } from "~/domain/kernel/org-number";
import { objectId } from "./organisation";

const version = z.coerce.number().int().min(0);
const longText = optionalText(20_000);

/** Staff's form for the text: every section, and the term, notice and money. */
export const agreementDraftSchema = z
  .object({
    version,
    start: requiredDay,
    end: requiredDay,
    noticeMonths: z
      .string()
      .trim()
      .regex(/^\d{1,2}$/, "cases.errors.wholeNumber")
      .transform(Number),
    municipalSekPerYear: z
      .string()
      .trim()
      .max(20)
      .transform((v) => v.replace(/[\s\u00a0]/g, "").replace(/kr$/i, ""))
      .refine((v) => /^\d{1,10}$/.test(v), "cases.errors.wholeKronor")
      .transform(Number),
    // Co-organisations by organisationsnummer, one per line (the domain finds them in Samverka).
    partnerOrgNumbers: optionalText(500)
      .transform((v) =>
        v
          .split(/[\n,;]+/)
          .map((x) => x.trim())
          .filter(Boolean),
      )
      .refine(
        (list) => list.length <= 10 && list.every((x) => !orgNumberProblem(x)),
        "agreement.errors.partnerOrgNumber",
      )
      .transform((list) => [...new Set(list.map(formatOrgNumber))]),
    sections: z.object(
      Object.fromEntries(SECTION_KEYS.map((k) => [k, longText])) as Record<
        (typeof SECTION_KEYS)[number],
        typeof longText
      >,
    ),
  })
  .refine((v) => v.end > v.start, { path: ["end"], message: "agreement.errors.endAfterStart" });

export const agreementCommentSchema = z.object({
  section: z.enum(SECTION_KEYS),
  body: requiredText(MAX_LONG),
});

export const sendForSigningSchema = z.object({
  version,
  organisationSignerIds: z.array(objectId).min(1).max(10),
  delegateId: objectId,
});

const confirmSigning = z.literal("on", { error: "agreement.errors.confirm" });
/** What the signer saw: the number of the version out for signing and its text's SHA-256. */
const seenVersion = {
  signingNumber: z.coerce.number().int().min(1).max(9999),
  signingHash: z.string().regex(/^[0-9a-f]{64}$/),
};
export const signSchema = z.object({ ...seenVersion, password: z.string().min(1).max(200), confirm: confirmSigning });
/** Signing after a fresh e-ID authentication (step-up): the confirmation only. */
export const signWithEidSchema = z.object({ ...seenVersion, confirm: confirmSigning });

export const versionOnlySchema = z.object({ version });

// An empty field arrives as no field at all (conform drops empty strings): 0 then.
const kronor = z
  .string()
  .trim()
  .max(20)
  .optional()
  .default("")
  .transform((v) => v.replace(/[\s\u00a0]/g, "").replace(/kr$/i, ""))
  .refine((v) => v === "" || /^\d{1,10}$/.test(v), "cases.errors.wholeKronor")
  .transform((v) => (v === "" ? 0 : Number(v)));

/** A payment of the municipal contribution, recorded by staff. */
export const paymentSchema = z.object({
  version,
  paidOn: requiredDay,
  amountSek: kronor.refine((n) => n > 0, "agreement.errors.amount"),
  reference: requiredText(100),
});

/** The organisation's own contribution in one year (reported with the year's follow-up). */
const contributionFields = z.object({
  version,
  year: z
    .string()
    .trim()
    .regex(/^20\d{2}$/, "agreement.errors.year")
    .transform(Number),
  moneySek: kronor,
  volunteerHours: z
    .string()
    .trim()
    .max(10)
    .optional()
    .default("")
    .transform((v) => v.replace(/\s/g, ""))
    .refine((v) => v === "" || /^\d{1,7}$/.test(v), "cases.errors.wholeNumber")
    .transform((v) => (v === "" ? 0 : Number(v))),
  inKind: optionalText(MAX_LONG),
});

/** The organisation's follow-up report on a year, with the own contribution it delivered. */
export const reportSchema = contributionFields.extend({
  narrative: requiredText(MAX_LONG),
  indicators: requiredText(MAX_LONG),
  /** The title of the file sent with it, if any (the file itself is checked by its bytes). */
  fileTitle: optionalText(200),
});

/** The officer's assessment of a report: approved, or more asked for (then with a comment). */
export const reportAssessmentSchema = z
  .object({
    version,
    year: z.coerce.number().int().min(2000).max(2100),
    outcome: z.enum(["approved", "completionRequested"]),
    comment: optionalText(MAX_LONG),
  })
  .refine((v) => v.outcome === "approved" || v.comment.length > 0, {
    path: ["comment"],
    message: "agreement.errors.commentRequired",
  });

/** Notice of termination: the reason is required, and the person confirms. */
export const terminateSchema = z.object({
  version,
  reason: requiredText(MAX_LONG),
  confirm: z.literal("on", { error: "agreement.errors.confirmTermination" }),
});

/**
 * A change to the agreement in force: a renegotiation, or an extension to a new end date
 * (required then, and later than today's end; the domain checks the latter).
 */
export const amendmentSchema = z
  .object({
    version,
    kind: z.enum(AMENDMENT_KINDS, { error: "agreement.errors.amendmentKind" }),
    changeReason: requiredText(MAX_LONG),
    end: optionalDay,
  })
  .refine((v) => v.kind !== "extension" || v.end, { path: ["end"], message: "agreement.errors.extensionEnd" });

/** A joint follow-up meeting, logged by staff. */
export const followUpMeetingSchema = z.object({
  version,
  heldOn: requiredDay,
  participants: requiredText(2_000),
  minutes: requiredText(MAX_LONG),
});
