import { CASE_STATUSES } from "#models/constants";
import { z } from "~/domain/validation";

/** Inbox filters from the query string; anything odd falls back to the default. */
export const inboxQuerySchema = z.object({
  q: z.string().trim().max(100).catch(""),
  status: z.enum(CASE_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
