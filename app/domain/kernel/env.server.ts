import { z } from "zod";

// Parsed once, on first use, so that a wrong or missing variable gives one clear message.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  MONGODB_URI: z.string().min(1, "MONGODB_URI saknas: starta med `npm run dev` eller sätt den"),
  // One secret, or several separated by commas: the first signs cookies, all verify them, so a
  // secret can be replaced without signing everyone out (put the new one first).
  SESSION_SECRET: z
    .string()
    .refine((v) => v.split(",").every((s) => s.trim().length >= 16), "minst 16 tecken per hemlighet")
    .optional(),
  // Encrypts OpenID client secrets and keys the hash of personal identity numbers (decision 016).
  DATA_SECRET: z.string().min(16).optional(),
  APP_URL: z.string().url().default("http://localhost:3000"),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("Samverka <noreply@samverka.local>"),
  MAIL_DIR: z.string().default(".data/mail"),
  // One body per installation when APP_HOST is unset; with it, each body answers at
  // <slug>.<APP_HOST> and the bare APP_HOST is the national front door (decision 028).
  PUBLIC_BODY_SLUG: z.string().default("exempelkommun"),
  APP_HOST: z
    .string()
    .regex(/^[a-z0-9.-]+(:\d+)?$/i, "ett värdnamn, t.ex. samverka.se eller localhost:3000")
    .optional(),
  // Who runs the installation: the publisher of the national open-data catalogue (DCAT-AP-SE),
  // typed by the ADMS publisher types (a municipal partnership: LocalAuthority; a region:
  // RegionalAuthority; an association of municipalities: NonProfitOrganisation).
  OPERATOR_NAME: z.string().min(1).default("Samverka"),
  // The installation's administrators (decision 031), by the email of their accounts.
  INSTALLATION_ADMINS: z.string().default(""),
  OPERATOR_EMAIL: z.string().email().optional(),
  OPERATOR_PUBLISHER_TYPE: z
    .enum(["LocalAuthority", "RegionalAuthority", "NationalAuthority", "NonProfitOrganisation", "Company"])
    .default("LocalAuthority"),
  OUTBOX_POLL_MS: z.coerce.number().int().positive().default(1000),
  OUTBOX_BACKOFF_MS: z.coerce.number().int().positive().default(5000),
  REMINDER_INTERVAL_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(15 * 60 * 1000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof schema> & {
  SESSION_SECRET: string;
  /** SESSION_SECRET split: the first signs, every one verifies. */
  SESSION_SECRETS: string[];
};

let cached: Env | undefined;

/** "new,old" → ["new", "old"]: the first signs, all verify. */
export const sessionSecretsOf = (value: string) =>
  value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Felaktig konfiguration:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  if (!env.SESSION_SECRET && env.NODE_ENV === "production") {
    throw new Error("Felaktig konfiguration:\n  SESSION_SECRET: krävs i produktion (minst 16 tecken)");
  }
  const secret = env.SESSION_SECRET ?? "samverka-development-secret-not-for-production";
  cached = { ...env, SESSION_SECRET: secret, SESSION_SECRETS: sessionSecretsOf(secret) };
  return cached;
}
