import { data } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";

/**
 * Bounds on what a form may carry, checked on the field names before conform builds objects
 * from them: `zz[1000000]=x` would otherwise become an array of a million entries, and a name
 * nested thousands of levels deep overflows the stack when errors are formatted.
 */
const LIMITS = { fields: 500, nameLength: 200, depth: 4, index: 100 };

/** A refusal of the request itself (not of a field): the friendly error page with `status`. */
export const refuseRequest = (status: 400 | 413 | 415) =>
  new Response("Förfrågan kunde inte behandlas", { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** Throws 415 unless the body is a form our pages can send. */
export function requireFormBody(request: Request) {
  const type = (request.headers.get("Content-Type") ?? "").toLowerCase();
  if (type.startsWith("application/x-www-form-urlencoded")) return "urlencoded" as const;
  if (type.startsWith("multipart/form-data")) {
    if (!/;\s*boundary=/.test(type)) throw refuseRequest(400);
    return "multipart" as const;
  }
  throw refuseRequest(415);
}

/** Throws 400 when the field names are more than any of our forms could produce. */
export function checkFieldNames(formData: FormData) {
  let count = 0;
  for (const name of formData.keys()) {
    count += 1;
    if (count > LIMITS.fields || name.length > LIMITS.nameLength) throw refuseRequest(400);
    const parts = name.split(/[.[]/);
    if (parts.length > LIMITS.depth + 1) throw refuseRequest(400);
    for (const match of name.matchAll(/\[(\d+)\]/g)) {
      if (Number(match[1]) > LIMITS.index) throw refuseRequest(400);
    }
  }
  return formData;
}

/**
 * Reads a posted form: 415 for bodies that are not forms, 400 for malformed ones and for
 * field names out of bounds. Routes read forms through this (or `readUploadForm`), never
 * through `request.formData()`, so no input reaches a 500.
 */
export async function readForm(request: Request): Promise<FormData> {
  requireFormBody(request);
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    throw refuseRequest(400);
  }
  return checkFieldNames(formData);
}

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

export interface Submission {
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
      result: submission.reply({
        ...errors,
        hideFields: ["password", "confirmPassword", "currentPassword", "clientSecret"],
      }),
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
