import { COUNTIES, PUBLIC_BODY_KINDS, type CountyCode } from "#models/constants";
import { emailField, optionalText, orgNumberField, phoneField, requiredText, z } from "~/domain/kernel/validation";

// The installation administrator's forms (/drift, decision 031). Fields in the order of the form.

/** A host name of the body's own (`samverka.exempelkommun.se`), one per line. */
const hostLines = z
  .string()
  .max(1000)
  .optional()
  .default("")
  .transform((v) =>
    v
      .split(/\r?\n/)
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  )
  .refine((hosts) => hosts.length <= 5, "installation.errors.hosts")
  .refine(
    (hosts) => hosts.every((h) => /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(h)),
    "installation.errors.host",
  );

export const newBodySchema = z.object({
  name: requiredText(100),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/, "installation.errors.slug"),
  kind: z.enum(PUBLIC_BODY_KINDS),
  countyCode: z.enum(Object.keys(COUNTIES) as [CountyCode, ...CountyCode[]]),
  orgNumber: orgNumberField,
  hosts: hostLines,
  officeName: requiredText(100),
  officeEmail: emailField,
  officePhone: phoneField,
  officeAddress: optionalText(200),
  adminName: requiredText(100),
  adminEmail: emailField,
});
export type NewBodyInput = z.infer<typeof newBodySchema>;

/** Pausing or opening a body again: which body, and (when pausing) why, shown on its pages. */
export const pauseSchema = z.object({
  slug: z.string().trim().max(40),
  paused: z.enum(["yes", "no"]),
  reason: optionalText(300),
});

/** The code from the installation administrator's authenticator app (decision 035). */
export const secondFactorSchema = z.object({
  code: z
    .string()
    .max(20, "installation.secondFactor.errors.code")
    .transform((v) => v.replace(/\s/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "installation.secondFactor.errors.code")),
});
