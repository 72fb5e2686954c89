import { Schema } from "mongoose";
import { defineModel } from "./shared";

/**
 * One counted attempt (a sign-in) in a fixed time window: `_id` is
 * `scope:key:window:slot`, so a window holds at most `limit` rows for a key however many
 * requests race (the insert under `_id` decides; docs/decisions/007).
 */
export interface AttemptSlot {
  _id: string;
  scope: string;
  key: string;
  window: number;
  expiresAt: Date;
}

const schema = new Schema<AttemptSlot>(
  {
    _id: { type: String, required: true },
    scope: { type: String, required: true },
    key: { type: String, required: true },
    window: { type: Number, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
schema.index({ scope: 1, key: 1, window: 1 });
schema.index({ expiresAt: 1 });

export const AttemptSlotModel = defineModel("AttemptSlot", schema);
