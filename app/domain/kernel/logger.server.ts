import pino from "pino";

// Tests may read the logs: a stream set under this global symbol before the app starts.
const testDestination = (globalThis as unknown as Record<symbol, pino.DestinationStream | undefined>)[
  Symbol.for("samverka.logDestination")
];

// Structured logs. Secrets and personal data are redacted by key wherever they appear.
export const logger = pino(
  {
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
  },
  testDestination,
);
