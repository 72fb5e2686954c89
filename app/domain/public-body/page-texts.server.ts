import type { Types } from "mongoose";
import { PageTextModel, pageTextId } from "#models/page-text";
import { defaultPageText, PAGE_TEXT_KEYS, type PageTextKey } from "~/content/page-texts";
import type { Lang } from "~/i18n";
import { setById } from "../kernel/claims.server";
import { clockNow } from "../kernel/clock";

export { PAGE_TEXT_KEYS, type PageTextKey };

/** The text as the administrators keep it, or Samverka's default until they have. */
export async function pageText(publicBodyId: Types.ObjectId, key: PageTextKey, lang: Lang) {
  const stored = await PageTextModel.findById(pageTextId(publicBodyId, key, lang)).lean();
  return stored
    ? { body: stored.body, updatedAt: stored.updatedAt.toISOString(), custom: true }
    : { body: defaultPageText(key, lang), updatedAt: null, custom: false };
}

/** Saves an administrator's version of a text (the last one saved wins). */
export async function savePageText(
  publicBodyId: Types.ObjectId,
  key: PageTextKey,
  lang: Lang,
  body: string,
  userId: Types.ObjectId,
) {
  const fields = { publicBodyId, key, lang, body, updatedAt: clockNow(), updatedBy: userId };
  await setById(PageTextModel, pageTextId(publicBodyId, key, lang), fields);
}
