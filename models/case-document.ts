import { Schema } from "mongoose";
import { defineModel, stableId, type ObjectId } from "./shared";

/**
 * An entry in the case's document list (diarieföring, OSL 5 kap. 1 §): every document that
 * arrives or is sent gets its own number and date. The public may see the list; a
 * confidential entry shows only its number, date and direction.
 */
export interface CaseDocument {
  _id: ObjectId;
  publicBodyId: ObjectId;
  caseId: ObjectId;
  number: number;
  /** The key it was registered under (the change's effect), so a retry registers it once. */
  ref: string;
  date: Date;
  /** "signed": an agreement signed by both parties (neither sent nor received: made together). */
  direction: "incoming" | "outgoing" | "internal" | "signed";
  title: string;
  sender: string;
  confidential: boolean;
  /** The file, when the document is an uploaded attachment (Document collection). */
  documentId?: ObjectId;
}

const schema = new Schema<CaseDocument>(
  {
    publicBodyId: { type: Schema.Types.ObjectId, required: true },
    caseId: { type: Schema.Types.ObjectId, required: true, ref: "Proposal" },
    number: { type: Number, required: true },
    ref: { type: String, default: "" },
    date: { type: Date, required: true },
    direction: { type: String, enum: ["incoming", "outgoing", "internal", "signed"], required: true },
    title: { type: String, required: true },
    sender: { type: String, default: "" },
    confidential: { type: Boolean, default: false },
    documentId: Schema.Types.ObjectId,
  },
  { versionKey: false },
);
schema.index({ caseId: 1, number: 1 }, { unique: true });

export const CaseDocumentModel = defineModel("CaseDocument", schema);

/**
 * The entry registered under `ref` (the change's effect that registered it), so the list is
 * read by `_id` from the case's trail (docs/decisions/009).
 */
export const caseDocumentId = (caseId: ObjectId | string, ref: string) => stableId(`casedoc:${String(caseId)}:${ref}`);
