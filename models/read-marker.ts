import { randomUUID } from "node:crypto";
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

/**
 * Sets `name`'s marker to a new token. Two first writers at once may both try to insert: the
 * loser's duplicate-key error is retried as a plain update.
 */
export async function touchMarker(name: string, fields: { at: Date; seq?: number }) {
  const token = randomUUID();
  const update = { $set: { token, ...fields } };
  try {
    await ReadMarkerModel.updateOne({ _id: name }, update, { upsert: true });
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
    await ReadMarkerModel.updateOne({ _id: name }, update);
  }
  return token;
}

const QUERY_WRITES = [
  "updateOne",
  "updateMany",
  "findOneAndUpdate",
  "findOneAndReplace",
  "replaceOne",
  "deleteOne",
  "deleteMany",
  "findOneAndDelete",
] as const;
const DELETES = ["deleteOne", "deleteMany", "findOneAndDelete"] as const;
/** Collections whose writes through the driver must set a marker too (kernel/array-pull). */
const markerOfCollection = new Map<string, string>();

/**
 * Every write through the schema's model (or, with `deletesOnly`, every delete) sets `name`'s
 * marker once it is done, so that a copy kept by any instance is read again on its next use
 * (decision 032). Structural rather than a call after each write: a forgotten call would keep a
 * removed role or an ended session alive in another instance.
 */
export function touchesMarker(schema: Schema, name: string, collection: string, deletesOnly = false) {
  const touch = async () => {
    await touchMarker(name, { at: new Date() });
  };
  schema.post(deletesOnly ? [...DELETES] : [...QUERY_WRITES], touch);
  if (!deletesOnly) {
    schema.post("save", touch);
    schema.post("insertMany", touch);
    schema.post("bulkWrite", touch);
    schema.post("deleteOne", { document: true, query: false }, touch);
  }
  markerOfCollection.set(collection, name);
}

/** After a write straight through the driver: sets the marker the collection's writes set. */
export async function touchAfterDriverWrite(collection: string) {
  const name = markerOfCollection.get(collection);
  if (name) await touchMarker(name, { at: new Date() });
}
