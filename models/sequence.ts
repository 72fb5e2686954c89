import { Schema } from "mongoose";
import { defineModel } from "./shared";

/** One row per number handed out in a sequence; the unique index makes each number single. */
export interface SequenceNumber {
  key: string;
  n: number;
  /** What the number was given to (e.g. a case id), so that asking again returns the same. */
  owner: string;
  createdAt: Date;
}

const schema = new Schema<SequenceNumber>(
  {
    key: { type: String, required: true },
    n: { type: Number, required: true },
    owner: String,
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
schema.index({ key: 1, n: 1 }, { unique: true });
// One number per owner: a retried request gets its number back instead of a second one.
schema.index({ key: 1, owner: 1 }, { unique: true });

export const SequenceModel = defineModel("SequenceNumber", schema);
