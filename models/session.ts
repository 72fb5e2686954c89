import { Schema } from "mongoose";
import { defineModel, type ObjectId } from "./shared";
import { touchesMarker } from "./read-marker";

/** A signed-in browser. `_id` is the SHA-256 of the cookie token, never the token itself. */
export interface Session {
  _id: string;
  userId: ObjectId;
  createdAt: Date;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  userAgent: string;
  /** The OpenID provider this session signed in through (for signing out there too). */
  providerId?: ObjectId;
  /**
   * The sessions one sign-in made on the installation's hosts (decision 033): the first one's
   * `_id`, given on with each hand-over. Signing out on one host ends the whole family.
   */
  family?: string;
  /** When this session's person gave their second factor (installation administrators). */
  secondFactorAt?: Date;
  /** A fresh e-ID authentication for signing an agreement (step-up), used once. */
  stepUp?: StepUp;
}

export interface StepUp {
  /** Names the step-up's one use (a claim on it marks it used). */
  id?: string;
  /** The signing it was made for: "caseId:number" of the version out for signing. */
  signing?: string;
  providerId: ObjectId;
  label: string;
  authTime: Date;
  acr?: string;
  personalNumberHash?: string;
}

const schema = new Schema<Session>(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true, ref: "User" },
    createdAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
    idleExpiresAt: { type: Date, required: true },
    absoluteExpiresAt: { type: Date, required: true },
    userAgent: { type: String, default: "" },
    providerId: Schema.Types.ObjectId,
    family: String,
    secondFactorAt: Date,
    stepUp: new Schema<StepUp>(
      {
        id: String,
        signing: String,
        providerId: Schema.Types.ObjectId,
        label: String,
        authTime: Date,
        acr: String,
        personalNumberHash: String,
      },
      { _id: false },
    ),
  },
  { versionKey: false },
);
schema.index({ userId: 1 });
schema.index({ family: 1 });
schema.index({ absoluteExpiresAt: 1 });

// An ended session must end in every instance at once (decision 032); its other changes
// (the idle time, a step-up) do not touch what instances keep.
touchesMarker(schema, "accounts", "sessions", true);

export const SessionModel = defineModel("Session", schema);
