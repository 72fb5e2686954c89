import pino from "pino";

// Structured logs. Secrets and personal data are redacted by key wherever they appear.
export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "warn" : "info"),
  base: { app: "samverka" },
  redact: {
    paths: [
      "password",
      "*.password",
      "*.passwordHash",
      "*.token",
      "token",
      "req.headers.cookie",
      "req.headers.authorization",
      'res.headers["set-cookie"]',
      "*.personalNumber",
      "*.personnummer",
    ],
    censor: "[dold]",
  },
});
