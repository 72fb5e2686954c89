import { emailField, requiredText, z } from "~/domain/kernel/validation";

/** A button that starts a sign-in at an OpenID provider. */
export const oidcStartSchema = z.object({
  purpose: z.enum(["signin", "link", "stepup", "test"]).default("signin"),
  returnTo: z.string().max(2000).default("/mina-sidor"),
  /** For a step-up: the case and version it is for ("caseId:number"). */
  signing: z
    .string()
    .regex(/^[0-9a-f]{24}:\d{1,5}$/)
    .optional(),
  /** For linking another way in: the account's password again (re-authentication). */
  password: z.string().max(200).optional(),
});

/** A new account from a first e-ID sign-in: the name (from the e-ID) and an email address. */
export const accountFromIdentitySchema = z.object({ name: requiredText(100), email: emailField });

/** Unlinking an identity on /konto: its issuer and subject, as listed. */
export const unlinkSchema = z.object({ identity: z.string().min(3).max(600) });
