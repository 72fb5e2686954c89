import { Schema } from "mongoose";
import { defineModel, type ObjectId } from "./shared";

/**
 * A sign-in handed from one host of the installation to another (decision 033): one use, a
 * minute long. `_id` is the SHA-256 of the token in the link, never the token itself.
 */
export interface Handover {
  _id: string;
  userId: ObjectId;
  /** The session family it comes from: signing out on any host ends them all. */
  family: string;
  /** The OpenID provider the sign-in began at, if any: signing out on the taking host leaves it too. */
  providerId?: ObjectId;
  /** The host that may take it: "front" (the front door) or a body's slug. */
  receiver: string;
  /** SHA-256 of the state the receiving browser keeps in a cookie (no login by a planted link). */
  stateHash: string;
  expiresAt: Date;
}

const schema = new Schema<Handover>(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    family: { type: String, required: true },
    providerId: Schema.Types.ObjectId,
    receiver: { type: String, required: true },
    stateHash: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);

export const HandoverModel = defineModel("Handover", schema);
