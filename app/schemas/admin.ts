import { PROVIDER_AUDIENCES, STAFF_ROLES_LIST } from "#models/constants";
import { clean, emailField, optionalText, pairLines, requiredDay, requiredText, z } from "~/domain/kernel/validation";
import { objectId } from "./organisation";

// Fields in the order of the form, so the error summary lists them in that order.
export const inviteStaffSchema = z.object({
  name: requiredText(100),
  email: emailField,
  role: z.enum(STAFF_ROLES_LIST),
  departmentIds: z.array(objectId).max(50).optional().default([]),
  /** Holds the delegation to decide and sign agreements for the public body. */
  delegation: z.literal("on").optional(),
});

const days = z
  .string()
  .trim()
  .regex(/^\d{1,3}$/, "cases.errors.wholeNumber")
  .transform(Number)
  .refine((n) => n >= 1 && n <= 365, "admin.errors.days");

/** Reminder periods of the public body (configurable per public body: docs/domain.md). */
export const reminderSettingsSchema = z.object({
  unroutedReminderDays: days,
  inactivityReminderDays: days,
  completionReminderDays: days,
  signatureReminderDays: days,
});

/** Kronor per euro for the de minimis check, written the Swedish way ("11,23") or with a point. */
export const eurRateSchema = z.object({
  sekPerEur: z
    .string()
    .trim()
    .max(10)
    .transform((v) => v.replace(",", "."))
    .refine((v) => /^\d{1,3}(\.\d{1,4})?$/.test(v) && Number(v) >= 1 && Number(v) <= 100, "admin.errors.rate")
    .transform(Number),
  rateDate: requiredDay,
});

// An issuer is an https URL; plain http only on this machine (a provider for development).
const issuerField = z
  .string()
  .trim()
  .max(300)
  .refine((v) => {
    try {
      const url = new URL(v);
      const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
      return (
        clean(v) && !url.search && !url.hash && (url.protocol === "https:" || (url.protocol === "http:" && loopback))
      );
    } catch {
      return false;
    }
  }, "admin.errors.issuer");

/** An OpenID provider (decision 016). The secret is write-only: left empty, the saved one stays. */
export const providerSchema = z.object({
  providerId: objectId.optional(),
  label: requiredText(60),
  issuer: issuerField,
  clientId: requiredText(200),
  clientSecret: optionalText(500),
  scopes: requiredText(300).refine(
    (v) => /^[\w:./-]+( [\w:./-]+)*$/.test(v) && v.split(" ").includes("openid"),
    "admin.errors.scopes",
  ),
  audience: z.enum(PROVIDER_AUDIENCES),
  stepUpForSigning: z.literal("on").optional(),
  groupsClaim: optionalText(100),
  groupRoles: pairLines({ maxLength: 5000, lines: 50, separator: "=", keys: ["group", "role"], each: 200 }).refine(
    (lines) => lines.every((l) => l.group && (STAFF_ROLES_LIST as readonly string[]).includes(l.role)),
    "admin.errors.groupRoles",
  ),
  enabled: z.literal("on").optional(),
});

export const providerIdSchema = z.object({ providerId: objectId });
/** Removing a provider is confirmed: people who signed in only that way must choose a password. */
export const deleteProviderSchema = providerIdSchema.extend({ confirm: z.literal("yes") });
