import { STAFF_ROLES_LIST } from "#models/constants";
import { emailField, requiredText, z } from "~/domain/validation";
import { objectId } from "./organisation";

export const inviteStaffSchema = z.object({
  email: emailField,
  name: requiredText(100),
  role: z.enum(STAFF_ROLES_LIST),
  departmentIds: z.array(objectId).max(50).optional().default([]),
});
