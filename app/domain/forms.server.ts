import { data } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";

export const parseForm = <S extends z.ZodType>(formData: FormData, schema: S) => parseWithZod(formData, { schema });

/** True when the hidden honeypot field was filled in: a bot, not a person. */
export const filledHoneypot = (formData: FormData) => {
  const value = formData.get("website_hp");
  return typeof value === "string" && value !== "";
};

interface Submission {
  reply: (options?: { formErrors?: string[]; fieldErrors?: Record<string, string[]>; hideFields?: string[]; resetForm?: boolean }) => SubmissionResult<string[]>;
}

/** 400 with field messages; passwords are never sent back to the browser. */
export function invalid(
  submission: Submission,
  errors: { formErrors?: string[]; fieldErrors?: Record<string, string[]> } = {},
  status = 400,
) {
  return data(
    { result: submission.reply({ ...errors, hideFields: ["password", "confirmPassword", "currentPassword"] }) },
    { status },
  );
}
