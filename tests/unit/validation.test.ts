import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { loginSchema, registerSchema } from "~/schemas/account";
import { organisationSchema } from "~/schemas/organisation";
import { backoffMs } from "~/domain/notifications/outbox.server";

const form = (entries: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) fd.append(k, v);
  return fd;
};

const validOrg = {
  name: "Föreningen Test",
  orgNumber: "802400-1375",
  legalForm: "non_profit_association",
  purpose: "Att testa.",
  email: "info@test.example",
};

describe("shared form schemas", () => {
  it("turn operator injection into a field error, not a query", () => {
    const s = parseWithZod(form({ "email[$ne]": "", password: "x" }), { schema: loginSchema });
    expect(s.status).toBe("error");
    if (s.status === "error") expect(s.error?.email?.[0]).toMatch(/^errors\./);
  });
  it("refuse 1 MB strings with a length message", () => {
    const s = parseWithZod(form({ ...validOrg, name: "x".repeat(1024 * 1024) }), { schema: organisationSchema });
    expect(s.status).toBe("error");
    if (s.status === "error") expect(s.error?.name).toEqual(["errors.tooLong|200"]);
  });
  it("keep <script> as inert text (escaped by React when shown)", () => {
    const s = parseWithZod(form({ ...validOrg, name: "<script>alert(1)</script>" }), { schema: organisationSchema });
    expect(s.status).toBe("success");
  });
  it("refuse wrong types and unknown choices", () => {
    const s = parseWithZod(form({ ...validOrg, legalForm: "aktiebolag" }), { schema: organisationSchema });
    expect(s.status === "error" && s.error?.legalForm).toEqual(["errors.choose"]);
  });
  it("refuse a wrong check digit with its own message", () => {
    const s = parseWithZod(form({ ...validOrg, orgNumber: "802400-1374" }), { schema: organisationSchema });
    expect(s.status === "error" && s.error?.orgNumber).toEqual(["errors.orgNumber.checkDigit"]);
  });
  it("require matching passwords of at least 10 characters", () => {
    const s = parseWithZod(form({ name: "A", email: "a@b.se", password: "short", confirmPassword: "other" }), {
      schema: registerSchema,
    });
    expect(s.status === "error" && s.error?.password).toEqual(["errors.tooShort|10"]);
  });
});

describe("outbox backoff", () => {
  it("doubles and caps at one hour", () => {
    expect(backoffMs(1, 1000)).toBe(1000);
    expect(backoffMs(3, 1000)).toBe(4000);
    expect(backoffMs(30, 1000)).toBe(60 * 60 * 1000);
  });
});

describe("dates and control characters", () => {
  it("accepts only real calendar days", async () => {
    const { isCalendarDay } = await import("~/domain/kernel/validation");
    expect(["2026-02-28", "2024-02-29", "1900-01-01"].map(isCalendarDay)).toEqual([true, true, true]);
    expect(
      ["2026-02-31", "2025-02-29", "0000-01-01", "2026-13-01", "2026-1-1", "9999-12-31"].map(isCalendarDay),
    ).toEqual([false, false, false, false, false, false]);
  });

  it("refuses NUL in the website and the signatories", () => {
    const result = parseWithZod(
      form({ ...validOrg, website: "https://a.example/\u0000x", signatories: "Anna\u0000, ordförande" }),
      { schema: organisationSchema },
    );
    expect(result.status).toBe("error");
    expect(Object.keys(result.status === "error" ? (result.error ?? {}) : {}).sort()).toEqual([
      "signatories",
      "website",
    ]);
  });

  it("refuses NUL in a proposal's goals and an impossible period start", async () => {
    const { draftSchema } = await import("~/schemas/proposal");
    const result = parseWithZod(form({ version: "0", goals: "Fler läser\u0000; 20 barn", periodStart: "2026-02-31" }), {
      schema: draftSchema,
    });
    expect(result.status).toBe("error");
    expect(Object.keys(result.status === "error" ? (result.error ?? {}) : {}).sort()).toEqual(["goals", "periodStart"]);
  });
});

describe("the outbox's claim on a mail", () => {
  it("outlasts the longest SMTP send several times over, so a hung send is not taken over", async () => {
    const { ATTEMPT_LOCK_MS } = await import("~/domain/notifications/outbox.server");
    const { SMTP_SEND_LIMIT_MS } = await import("~/domain/notifications/mailer.server");
    expect(SMTP_SEND_LIMIT_MS).toBe(120_000);
    expect(ATTEMPT_LOCK_MS).toBeGreaterThanOrEqual(4 * SMTP_SEND_LIMIT_MS);
  });
});
