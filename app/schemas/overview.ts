import { z } from "~/domain/kernel/validation";

// The overview's filters: anything malformed means "all".
export const overviewFilterSchema = z.object({
  ar: z.coerce.number().int().min(2000).max(2100).nullable().catch(null),
  forvaltning: z
    .string()
    .catch("")
    .transform((v) => (/^[a-f0-9]{24}$/.test(v) ? v : "")),
});
