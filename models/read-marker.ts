import { Schema } from "mongoose";
import { defineModel } from "./shared";

/**
 * A token that changes whenever a read model's source changes ("cases", "directory"). Each
 * app instance keeps the derived list in memory and re-reads it only when the token it finds
 * (one `_id` lookup) differs from the one it read with (docs/decisions/009).
 */
export interface ReadMarker {
  _id: string;
  token: string;
  at: Date;
  /** "caseChanges": the number of the latest case change when it was set (a hint). */
  seq?: number;
}

const schema = new Schema<ReadMarker>(
  {
    _id: { type: String, required: true },
    token: { type: String, required: true },
    at: { type: Date, required: true },
    seq: Number,
  },
  { versionKey: false },
);

export const ReadMarkerModel = defineModel("ReadMarker", schema);
