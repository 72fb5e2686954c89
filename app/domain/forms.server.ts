import { data } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";

/**
 * Parses a form with its zod schema. Field names carrying a `$` (`email[$ne]=`, operator
 * injection) are refused as invalid input for that field, never silently dropped.
 */
export function parseForm<S extends z.ZodType>(formData: FormData, schema: S) {
  const hostile = [...new Set([...formData.keys()].filter((k) => k.includes("$")).map((k) => k.split(/[.[]/)[0] || k))];
  if (hostile.length === 0) return parseWithZod(formData, { schema });
  const refused = schema.superRefine((_value, ctx) => {
    for (const name of hostile) ctx.addIssue({ code: "custom", path: [name], message: "errors.invalid" });
  });
  return parseWithZod(formData, { schema: refused as unknown as S });
}

/** True when the hidden honeypot field was filled in: a bot, not a person. */
export const filledHoneypot = (formData: FormData) => {
  const value = formData.get("website_hp");
  return typeof value === "string" && value !== "";
};

interface Submission {
  reply: (options?: {
    formErrors?: string[];
    fieldErrors?: Record<string, string[]>;
    hideFields?: string[];
    resetForm?: boolean;
  }) => SubmissionResult<string[]>;
}

/** 400 with field messages; passwords are never sent back to the browser. */
export function invalid(
  submission: Submission,
  errors: { formErrors?: string[]; fieldErrors?: Record<string, string[]> } = {},
  status = 400,
  /** Which of several forms on the page answered (so only that one shows the errors). */
  form?: string,
) {
  return data(
    {
      result: submission.reply({ ...errors, hideFields: ["password", "confirmPassword", "currentPassword"] }),
      form: form ?? null,
    },
    { status },
  );
}

/** The field errors of a submission plus, when the file was refused, the file's error. */
export function withFileError(
  submission: { status?: string; error?: Record<string, string[] | null> | null },
  file: { error: string } | object | null,
) {
  const fieldErrors = { ...(submission.status === "error" ? submission.error : {}) } as Record<string, string[]>;
  if (file && "error" in file) fieldErrors.file = [file.error];
  return { fieldErrors };
}
