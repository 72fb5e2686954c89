import { Schema } from "mongoose";
import { defineModel, type ObjectId } from "./shared";

export const MESSAGE_KINDS = [
  "message",
  "internal",
  "completionRequest",
  "completionAnswer",
  "meeting",
  "meetingInvite",
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/**
 * The dialogue of a case: shared messages (the organisation sees them), internal notes
 * (staff only) and meeting records (shared minutes, internal notes kept apart).
 */
export interface CaseMessage {
  publicBodyId: ObjectId;
  caseId: ObjectId;
  kind: MessageKind;
  authorId: ObjectId;
  authorName: string;
  fromOrganisation: boolean;
  /** Shared text: the message, the question, the answer, or a meeting's minutes. */
  body: string;
  /** Staff-only text (internal notes; a meeting's internal notes). Never sent to the organisation. */
  internalBody: string;
  meetingDate?: Date;
  participants: string;
  /** An invitation: when (HH:MM) and where, and when the organisation confirmed it. */
  meetingTime: string;
  place: string;
  confirmedAt?: Date;
  /** A file sent with a shared message (Document, kind "attachment"). */
  documentId?: ObjectId;
  createdAt: Date;
}

const schema = new Schema<CaseMessage>(
  {
    publicBodyId: { type: Schema.Types.ObjectId, required: true },
    caseId: { type: Schema.Types.ObjectId, required: true, ref: "Proposal" },
    kind: { type: String, enum: MESSAGE_KINDS, required: true },
    authorId: { type: Schema.Types.ObjectId, required: true, ref: "User" },
    authorName: { type: String, required: true },
    fromOrganisation: { type: Boolean, required: true },
    body: { type: String, default: "" },
    internalBody: { type: String, default: "" },
    meetingDate: Date,
    participants: { type: String, default: "" },
    meetingTime: { type: String, default: "" },
    place: { type: String, default: "" },
    confirmedAt: Date,
    documentId: { type: Schema.Types.ObjectId, ref: "Document" },
  },
  { timestamps: { createdAt: true, updatedAt: false }, versionKey: false },
);
schema.index({ caseId: 1, createdAt: 1 });

export const CaseMessageModel = defineModel("CaseMessage", schema);
