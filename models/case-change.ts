import { Schema } from "mongoose";
import { defineModel, type ObjectId } from "./shared";

/**
 * One change to a case, numbered without gaps (`_id`, claimed by a unique insert): what each
 * instance reads to bring its kept case list up to date without reading every case again
 * (docs/decisions/030). Kept for a day, then removed by the cleanup job.
 */
export interface CaseChange {
  _id: number;
  caseId: ObjectId;
  /** The case's body, so the case is read by `_id` and body (decision 037). */
  publicBodyId?: ObjectId;
  at: Date;
}

const schema = new Schema<CaseChange>(
  {
    _id: { type: Number, required: true },
    caseId: { type: Schema.Types.ObjectId, required: true },
    publicBodyId: Schema.Types.ObjectId,
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
schema.index({ at: 1 });

export const CaseChangeModel = defineModel("CaseChange", schema);
