import { z } from "zod";
import { formatOrgNumber, orgNumberProblem } from "./org-number";

// Zod messages are locale keys ("errors.tooLong|500"); the UI translates them, so one schema
// serves the action and the form in both languages.
z.config({
  customError: (issue) => {
    if (issue.code === "invalid_type")
      return issue.input === undefined || issue.input === "" ? "errors.required" : "errors.invalid";
    if (issue.code === "too_big") return `errors.tooLong|${String(issue.maximum)}`;
    if (issue.code === "too_small")
      return Number(issue.minimum) <= 1 ? "errors.required" : `errors.tooShort|${String(issue.minimum)}`;
    if (issue.code === "invalid_format") return issue.format === "email" ? "errors.email" : "errors.invalid";
    if (issue.code === "invalid_value") return "errors.choose";
    return undefined;
  },
});

export const MAX_SHORT = 200;
export const MAX_LONG = 5000;

/** Text without control characters other than line breaks and tabs. */
export const clean = (s: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s);

/** A real calendar day `YYYY-MM-DD` between 1900 and 2100 (no 31 February, no year 0). */
export function isCalendarDay(value: string) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2100) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const dayText = z.string().trim().max(10);
/** A required date from `<input type="date">`, as midnight UTC of that day. */
export const requiredDay = dayText
  .refine(isCalendarDay, "cases.errors.date")
  .transform((v) => new Date(`${v}T00:00:00Z`));
/** The same, optional (an empty field is no date). */
export const optionalDay = dayText
  .refine((v) => v === "" || isCalendarDay(v), "cases.errors.date")
  .transform((v) => (v === "" ? undefined : new Date(`${v}T00:00:00Z`)))
  .optional();

export const requiredText = (max = MAX_SHORT) => z.string().trim().min(1).max(max).refine(clean, "errors.invalid");
export const optionalText = (max = MAX_SHORT) =>
  z.string().trim().max(max).refine(clean, "errors.invalid").optional().default("");

export const emailField = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((e) => e.toLowerCase());

export const PASSWORD_MIN = 10;
export const newPasswordField = z.string().min(PASSWORD_MIN).max(200);

export const orgNumberField = z
  .string()
  .trim()
  .max(20)
  .superRefine((value, ctx) => {
    const problem = orgNumberProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: `errors.orgNumber.${problem}` });
  })
  .transform((v) => formatOrgNumber(v));

export const phoneField = z
  .string()
  .trim()
  .max(30)
  .regex(/^[+0-9 ()-]*$/, "errors.phone")
  .optional()
  .default("");

export const urlField = z
  .string()
  .trim()
  .max(300)
  .refine((v) => v === "" || (clean(v) && /^https?:\/\/[^\s<>"]+\.[^\s<>"]+$/i.test(v)), "errors.url")
  .optional()
  .default("");

/** Two password fields that must match. */
export function withConfirmation<T extends z.ZodRawShape>(shape: T) {
  return z
    .object({ ...shape, password: newPasswordField, confirmPassword: z.string().max(200) })
    .refine((v) => (v as { password: string }).password === (v as { confirmPassword: string }).confirmPassword, {
      path: ["confirmPassword"],
      message: "errors.passwordMismatch",
    });
}

export { z };

/**
 * A text area of one pair per line ("name, role"; "goal; indicator"): each line split at the
 * first separator into two trimmed, bounded fields; empty lines dropped, at most `lines` kept.
 */
export function pairLines<K extends string>(options: {
  maxLength: number;
  lines: number;
  separator: string;
  keys: readonly [K, K];
  each: number;
}) {
  const [first, second] = options.keys;
  return z
    .string()
    .trim()
    .max(options.maxLength)
    .refine(clean, "errors.invalid")
    .optional()
    .default("")
    .transform((text) =>
      text
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
        .slice(0, options.lines)
        .map((line) => {
          const [a = "", ...rest] = line.split(options.separator);
          const b = rest.join(options.separator);
          return { [first]: a.trim().slice(0, options.each), [second]: b.trim().slice(0, options.each) } as Record<
            K,
            string
          >;
        }),
    );
}

/** User text used in a regex matches literally (no regex injection). */
export const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
