import { Schema } from "mongoose";
import { defineModel } from "./shared";

/**
 * A one-time claim on a key ("this token was used", "attempt 3 of this email is being
 * sent"). Inserting is the only write FerretDB 1.x makes atomic under concurrency (through
 * the unique `_id`), so every "exactly once" in Samverka goes through here.
 */
export interface Claim {
  _id: string;
  /** The holder's random token: only the holder releases it, and a takeover removes only it. */
  owner?: string;
  /** When the holder took it (ms), growing per key across holders: writes check it (fencing). */
  fence?: number;
  createdAt: Date;
  expiresAt: Date;
}

const schema = new Schema<Claim>(
  {
    _id: { type: String, required: true },
    owner: String,
    fence: Number,
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
schema.index({ expiresAt: 1 });

export const ClaimModel = defineModel("Claim", schema);
