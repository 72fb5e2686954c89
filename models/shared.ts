import mongoose, { type Model, type Schema } from "mongoose";

export const { Types } = mongoose;
export type ObjectId = mongoose.Types.ObjectId;

/** Register a model once: Vite dev reloads and tests import models more than once. */
export function defineModel<T>(name: string, schema: Schema<T>): Model<T> {
  return (mongoose.models[name] as Model<T> | undefined) ?? mongoose.model<T>(name, schema);
}

export const baseOptions = { timestamps: true, versionKey: false } as const;
