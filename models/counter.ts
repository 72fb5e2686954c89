import { Schema } from "mongoose";
import { defineModel } from "./shared";

/** Sequence per key (e.g. case numbers per public body and year), advanced with `$inc`. */
export interface Counter {
  _id: string;
  seq: number;
}

const schema = new Schema<Counter>({ _id: { type: String, required: true }, seq: { type: Number, default: 0 } }, { versionKey: false });

export const CounterModel = defineModel("Counter", schema);
