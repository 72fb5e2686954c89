import { STAFF_ROLES_LIST } from "#models/constants";
import { emailField, requiredText, z } from "~/domain/kernel/validation";
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
});
