import { STAFF_ROLES_LIST } from "#models/constants";
import { emailField, requiredDay, requiredText, z } from "~/domain/kernel/validation";
import { objectId } from "./organisation";

// Fields in the order of the form, so the error summary lists them in that order.
export const inviteStaffSchema = z.object({
  name: requiredText(100),
  email: emailField,
  role: z.enum(STAFF_ROLES_LIST),
  departmentIds: z.array(objectId).max(50).optional().default([]),
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
