import { Schema } from "mongoose";
import { defineModel } from "./shared";

/**
 * One counted attempt (a sign-in) until `expiresAt` (15 minutes after it): `_id` is
 * `scope:key:slot`, so a key holds at most `limit` live rows however many requests race (the
 * insert under `_id` decides; docs/decisions/003). Rows of the former fixed windows
 * (`scope:key:window:slot`) count nothing and leave with the cleanup.
 */
export interface AttemptSlot {
  _id: string;
  scope: string;
  key: string;
  expiresAt: Date;
}

const schema = new Schema<AttemptSlot>(
  {
    _id: { type: String, required: true },
    scope: { type: String, required: true },
    key: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
schema.index({ scope: 1, key: 1 });
schema.index({ expiresAt: 1 });

export const AttemptSlotModel = defineModel("AttemptSlot", schema);
