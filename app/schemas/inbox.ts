import { CASE_AREAS, CASE_STATUSES } from "#models/constants";
import { z } from "~/domain/kernel/validation";

/** Inbox filters from the query string; anything odd falls back to the default. */
export const inboxQuerySchema = z.object({
  q: z.string().trim().max(100).catch(""),
  status: z.enum(CASE_STATUSES).optional().catch(undefined),
  area: z.enum(CASE_AREAS).optional().catch(undefined),
  department: z
    .string()
    .regex(/^[a-f0-9]{24}$/)
    .optional()
    .catch(undefined),
  officer: z
    .string()
    .regex(/^[a-f0-9]{24}$/)
    .optional()
    .catch(undefined),
  organisation: z
    .string()
    .regex(/^[a-f0-9]{24}$/)
    .optional()
    .catch(undefined),
  /** Received at least this many days ago. */
  olderThan: z.coerce.number().int().min(1).max(3650).optional().catch(undefined),
  /** Nothing has happened in it for at least this many days. */
  quietFor: z.coerce.number().int().min(1).max(3650).optional().catch(undefined),
  sort: z.enum(["received", "oldest", "caseNumber", "activity"]).catch("received"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/** The organisation register's search (staff). */
export const registerQuerySchema = z.object({
  q: z.string().trim().max(100).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
