import { Schema } from "mongoose";
import { defineModel, type ObjectId } from "./shared";

/**
 * When a staff member last opened each of their cases, keyed by case id: one document per
 * person, read by `_id`, so "new since you last looked" costs one lookup (docs/decisions/009).
 */
export interface SeenMarks {
  _id: ObjectId; // the user's id
  cases: Record<string, Date>;
}

const schema = new Schema<SeenMarks>(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    cases: { type: Schema.Types.Mixed, default: {} },
  },
  { versionKey: false, minimize: false },
);

export const SeenMarksModel = defineModel("SeenMarks", schema);
