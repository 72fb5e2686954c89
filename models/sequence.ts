import { Schema } from "mongoose";
import { defineModel } from "./shared";

/** One row per number handed out in a sequence; the unique index makes each number single. */
export interface SequenceNumber {
  key: string;
  n: number;
  /** What the number was given to (e.g. a case id), so that asking again returns the same. */
  ref?: string;
  createdAt: Date;
}

const schema = new Schema<SequenceNumber>(
  {
    key: { type: String, required: true },
    n: { type: Number, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
schema.index({ key: 1, n: 1 }, { unique: true });
schema.index({ key: 1, ref: 1 });

export const SequenceModel = defineModel("SequenceNumber", schema);
