import { CASE_AREAS, CASE_KINDS } from "#models/constants";
import { MAX_LONG, optionalDay, optionalText, pairLines, requiredText, z } from "~/domain/kernel/validation";
import { objectId } from "./organisation";

const kronor = z
  .string()
  .trim()
  .max(20)
  .transform((v) => v.replace(/[\s\u00a0]/g, "").replace(/kr$/i, ""))
  .refine((v) => v === "" || /^\d{1,10}$/.test(v), "cases.errors.wholeKronor");
const sek = kronor
  .transform((v) => (v === "" ? 0 : Number(v)))
  .optional()
  .default(0);
/** An amount that must be answered (0 is an answer): empty stays empty (null). */
const sekOrEmpty = kronor
  .transform((v) => (v === "" ? null : Number(v)))
  .optional()
  .default(null);

const hours = z
  .string()
  .trim()
  .max(10)
  .refine((v) => v === "" || /^\d{1,7}$/.test(v.replace(/\s/g, "")), "cases.errors.wholeNumber")
  .transform((v) => (v === "" ? 0 : Number(v.replace(/\s/g, ""))))
  .optional()
  .default(0);

/** "Goal; indicator" per line. */
const goals = pairLines({ maxLength: MAX_LONG, lines: 30, separator: ";", keys: ["goal", "indicator"], each: 500 });

export const newCaseSchema = z.object({
  organisationId: objectId,
  kind: z.enum(CASE_KINDS),
  title: requiredText(200),
});

/** Everything is optional in a draft: a draft is never lost for being incomplete. */
export const draftSchema = z.object({
  version: z.coerce.number().int().min(0),
  title: optionalText(200),
  summary: optionalText(MAX_LONG),
  need: optionalText(MAX_LONG),
  targetGroup: optionalText(MAX_LONG),
  activities: optionalText(MAX_LONG),
  periodStart: optionalDay,
  periodEnd: optionalDay,
  areas: z.array(z.enum(CASE_AREAS)).max(CASE_AREAS.length).optional().default([]),
  generalInterest: optionalText(MAX_LONG),
  municipalGoal: optionalText(MAX_LONG),
  addedValue: optionalText(MAX_LONG),
  ownContributionDescription: optionalText(MAX_LONG),
  ownContributionSek: sek,
  volunteerHoursPerYear: hours,
  ownContributionInKind: optionalText(MAX_LONG),
  requestedSekPerYear: sekOrEmpty,
  requestedInKind: optionalText(MAX_LONG),
  goals,
  contactName: optionalText(100),
  contactEmail: z
    .string()
    .trim()
    .max(254)
    .refine((v) => v === "" || z.email().safeParse(v).success, "errors.email")
    .optional()
    .default(""),
  contactPhone: z
    .string()
    .trim()
    .max(30)
    .regex(/^[+0-9 ()-]*$/, "errors.phone")
    .optional()
    .default(""),
  partnerOrganisations: optionalText(MAX_LONG),
  wantsMeeting: z
    .enum(["on"])
    .optional()
    .transform((v) => v === "on"),
});

/**
 * One section of the full proposal (proposal-sections.ts): the draft's fields, of which the
 * action keeps only the section's, and the GOV.UK question "Have you completed this section?".
 */
export const sectionSchema = draftSchema.extend({ complete: z.enum(["yes", "no"]) });

export const versionSchema = z.object({ version: z.coerce.number().int().min(0) });

export const routeSchema = z.object({
  version: z.coerce.number().int().min(0),
  departmentId: objectId,
  officerId: objectId,
  coReaderDepartmentIds: z.array(objectId).max(20).optional().default([]),
});

export const attachSchema = z.object({
  title: requiredText(200),
  // The file itself is checked by size and content on the server (uploads.server.ts).
  file: z.unknown().optional(),
});
