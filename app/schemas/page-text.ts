import { PAGE_TEXT_KEYS } from "~/content/page-texts";
import { LANGUAGES } from "~/i18n";
import { requiredText, z } from "~/domain/kernel/validation";

/** An administrator's version of one page text in one language. */
export const pageTextSchema = z.object({
  key: z.enum(PAGE_TEXT_KEYS),
  lang: z.enum(LANGUAGES),
  body: requiredText(20_000),
});
