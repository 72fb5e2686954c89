import { Schema } from "mongoose";
import { defineModel, type ObjectId } from "./shared";

export const OUTBOX_STATUSES = ["pending", "sent", "failed"] as const;

/** An email waiting to be sent, or the record that it was. */
export interface OutboxEmail {
  idempotencyKey: string;
  publicBodyId?: ObjectId;
  template: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  status: (typeof OUTBOX_STATUSES)[number];
  attempts: number;
  nextAttemptAt: Date;
  lastError?: string;
  /** A stored document sent along (the signed agreement), read from GridFS when sending. */
  attachmentId?: ObjectId;
  sentAt?: Date;
  createdAt: Date;
  updatedAt: Date;
}

const schema = new Schema<OutboxEmail>(
  {
    idempotencyKey: { type: String, required: true },
    publicBodyId: Schema.Types.ObjectId,
    template: { type: String, required: true },
    to: { type: String, required: true },
    subject: { type: String, required: true },
    html: { type: String, required: true },
    text: { type: String, required: true },
    status: { type: String, enum: OUTBOX_STATUSES, default: "pending" },
    attempts: { type: Number, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    lastError: String,
    attachmentId: Schema.Types.ObjectId,
    sentAt: Date,
  },
  { timestamps: true, versionKey: false },
);
schema.index({ idempotencyKey: 1 }, { unique: true });
schema.index({ status: 1, nextAttemptAt: 1 });

export const OutboxModel = defineModel("EmailOutbox", schema);
