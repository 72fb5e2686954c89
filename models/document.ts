import { Schema } from "mongoose";
import { baseOptions, defineModel, type ObjectId } from "./shared";

import { DOCUMENT_KINDS } from "./constants";

export type OrgDocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Metadata of a stored file; the bytes are in GridFS (bucket "files"). */
export interface StoredDocument {
  publicBodyId: ObjectId;
  organisationId: ObjectId;
  /** Set for attachments to a case (kind "attachment"). */
  caseId?: ObjectId;
  kind: OrgDocumentKind;
  title: string;
  filename: string;
  contentType: string;
  extension: string;
  size: number;
  fileId: ObjectId;
  uploadedBy: ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

const schema = new Schema<StoredDocument>(
  {
    publicBodyId: { type: Schema.Types.ObjectId, required: true },
    organisationId: { type: Schema.Types.ObjectId, required: true, ref: "Organisation" },
    caseId: { type: Schema.Types.ObjectId, ref: "Proposal" },
    kind: { type: String, enum: DOCUMENT_KINDS, required: true },
    title: { type: String, required: true },
    filename: { type: String, required: true },
    contentType: { type: String, required: true },
    extension: { type: String, required: true },
    size: { type: Number, required: true },
    fileId: { type: Schema.Types.ObjectId, required: true },
    uploadedBy: { type: Schema.Types.ObjectId, required: true, ref: "User" },
  },
  baseOptions,
);
schema.index({ publicBodyId: 1, organisationId: 1, createdAt: -1 });
schema.index({ caseId: 1 });

export const DocumentModel = defineModel("Document", schema);
