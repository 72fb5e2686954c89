import { Schema } from "mongoose";
import { defineModel, stableId, type ObjectId } from "./shared";

/**
 * A text of the public body that administrators keep (accessibility statement, privacy
 * notice, how to appeal), per language; read by `_id` (public body, key, language).
 */
export interface PageText {
  _id: ObjectId;
  publicBodyId: ObjectId;
  key: string;
  lang: string;
  body: string;
  updatedAt: Date;
  updatedBy: ObjectId;
}

const schema = new Schema<PageText>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    publicBodyId: { type: Schema.Types.ObjectId, required: true },
    key: { type: String, required: true },
    lang: { type: String, required: true },
    body: { type: String, required: true },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: Schema.Types.ObjectId, required: true },
  },
  { versionKey: false },
);

export const PageTextModel = defineModel("PageText", schema);
export const pageTextId = (publicBodyId: ObjectId, key: string, lang: string) =>
  stableId(`pagetext:${String(publicBodyId)}:${key}:${lang}`);
