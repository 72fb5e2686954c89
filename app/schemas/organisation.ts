import { LEGAL_FORMS, ORG_DOCUMENT_KINDS_LIST, ORG_ROLES_LIST, SIGNING_RULES } from "#models/constants";
import {
  pairLines,
  emailField,
  MAX_LONG,
  optionalText,
  orgNumberField,
  phoneField,
  requiredText,
  urlField,
  z,
} from "~/domain/kernel/validation";

/** "Name, role" per line. */
export const signatoriesField = pairLines({
  maxLength: 2000,
  lines: 20,
  separator: ",",
  keys: ["name", "role"],
  each: 100,
});

export const organisationSchema = z.object({
  name: requiredText(200),
  orgNumber: orgNumberField,
  legalForm: z.enum(LEGAL_FORMS),
  purpose: requiredText(MAX_LONG),
  streetAddress: optionalText(200),
  postalCode: z
    .string()
    .trim()
    .max(10)
    .regex(/^(\d{3} ?\d{2})?$/, "errors.postalCode")
    .optional()
    .default(""),
  city: optionalText(100),
  website: urlField,
  email: emailField,
  phone: phoneField,
  signatories: signatoriesField,
  signingRule: z.enum(SIGNING_RULES).optional().default("alone"),
});

export const inviteMemberSchema = z.object({
  intent: z.literal("invite"),
  email: emailField,
  role: z.enum(ORG_ROLES_LIST),
});

export const uploadSchema = z.object({
  intent: z.literal("upload"),
  kind: z.enum(ORG_DOCUMENT_KINDS_LIST),
  title: requiredText(200),
  // The file itself is checked by content on the server (documents.server.ts).
  file: z.unknown().optional(),
});

export const objectId = z.string().regex(/^[a-f0-9]{24}$/, "errors.invalid");

/** An administrator names a member an authorised signatory (firmatecknare), or no longer. */
export const signatorySchema = z.object({ userId: objectId, signatory: z.enum(["yes", "no"]) });
