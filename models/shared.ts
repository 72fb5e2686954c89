import { createHash } from "node:crypto";
import mongoose, { type Model, type Schema } from "mongoose";

export const { Types } = mongoose;
export type ObjectId = mongoose.Types.ObjectId;

/** Register a model once: Vite dev reloads and tests import models more than once. */
export function defineModel<T>(name: string, schema: Schema<T>): Model<T> {
  return (mongoose.models[name] as Model<T> | undefined) ?? mongoose.model<T>(name, schema);
}

export const baseOptions = { timestamps: true, versionKey: false } as const;

/**
 * An ObjectId derived from a key, the same every time: inserting under it twice is refused,
 * and the row can be found again by `_id` alone. FerretDB 1.x answers ObjectId `_id` lookups
 * from its index but reads the whole collection for string `_id`s (measured), hence ObjectIds.
 */
export const stableId = (key: string) =>
  new mongoose.Types.ObjectId(createHash("sha256").update(key).digest("hex").slice(0, 24));
