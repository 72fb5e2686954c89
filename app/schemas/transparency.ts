import { CASE_AREAS, COUNTIES } from "#models/constants";
import { z } from "~/domain/kernel/validation";
import { REGISTER_STATUSES } from "~/domain/transparency/register";

// The register's search: anything malformed is treated as "not given", never an error page.
const oneOf = (allowed: readonly string[]) =>
  z
    .string()
    .catch("")
    .transform((v) => (allowed.includes(v) ? v : ""));

export const registerSearchSchema = z.object({
  q: z.string().trim().max(100).catch(""),
  area: oneOf(CASE_AREAS),
  department: z
    .string()
    .catch("")
    .transform((v) => (/^[a-f0-9]{24}$/.test(v) ? v : "")),
  status: oneOf(REGISTER_STATUSES),
  // The national register (front door): one public body's agreements, by slug.
  body: z
    .string()
    .catch("")
    .transform((v) => (/^[a-z0-9-]{1,60}$/.test(v) ? v : "")),
  // The national register: the bodies of one county (län), by its official code.
  county: oneOf(Object.keys(COUNTIES)),
  year: z.coerce.number().int().min(2000).max(2100).nullable().catch(null),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
