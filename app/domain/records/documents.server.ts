import { Readable } from "node:stream";
import { fileTypeFromBuffer } from "file-type";
import { LRUCache } from "lru-cache";
import mongoose, { Types } from "mongoose";
import { isDuplicateKey } from "../kernel/claims.server";
import { cachedUntilTouched, touch } from "../kernel/read-markers.server";
import { DocumentModel, type OrgDocumentKind } from "#models/document";

export const MAX_FILE_BYTES = 10 * 1024 * 1024;

// Recognised by content (magic bytes), never by the file name or the browser's claim.
export const ALLOWED_TYPES: Record<string, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  odt: "application/vnd.oasis.opendocument.text",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
  png: "image/png",
  jpg: "image/jpeg",
};

/** A file a person sent, checked by size and content (app/http/uploads.server.ts). */
export interface UploadedFile {
  bytes: Uint8Array;
  type: { ext: string; mime: string };
  name: string;
}

export type FileProblem = "empty" | "tooLarge" | "type";

export async function sniffFile(bytes: Uint8Array): Promise<{ ext: string; mime: string } | FileProblem> {
  if (bytes.byteLength === 0) return "empty";
  if (bytes.byteLength > MAX_FILE_BYTES) return "tooLarge";
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !(type.ext in ALLOWED_TYPES)) return "type";
  return { ext: type.ext, mime: ALLOWED_TYPES[type.ext] ?? type.mime };
}

function bucket() {
  const db = mongoose.connection.db;
  if (!db) throw new Error("Databasen är inte ansluten");
  return new mongoose.mongo.GridFSBucket(db, { bucketName: "files" });
}

/** A file name safe to show and to send in Content-Disposition. */
export function cleanFilename(name: string, ext: string) {
  const base = name
    .replace(/\.[^.]*$/, "")
    .replace(/[^\p{L}\p{N} ._-]/gu, "")
    .trim()
    .slice(0, 100);
  return `${base || "dokument"}.${ext}`;
}

/** Stores a checked file in GridFS with its metadata: an organisation's document, or a case attachment. */
export async function storeDocument(input: {
  /** A fixed id: a second store under it keeps the first (the signed PDF of one signing). */
  _id?: Types.ObjectId;
  publicBodyId: Types.ObjectId;
  organisationId: Types.ObjectId;
  caseId?: Types.ObjectId;
  uploadedBy: Types.ObjectId;
  kind: OrgDocumentKind;
  title: string;
  file: { bytes: Uint8Array; type: { ext: string; mime: string }; name: string };
}) {
  const { bytes, type } = input.file;
  const filename = cleanFilename(input.file.name, type.ext);
  const upload = bucket().openUploadStream(filename, {
    metadata: { publicBodyId: input.publicBodyId, organisationId: input.organisationId, contentType: type.mime },
  });
  await new Promise<void>((resolve, reject) => {
    Readable.from([Buffer.from(bytes)])
      .pipe(upload)
      .on("finish", resolve)
      .on("error", reject);
  });
  let doc;
  try {
    doc = await DocumentModel.create({
      ...(input._id ? { _id: input._id } : {}),
      publicBodyId: input.publicBodyId,
      organisationId: input.organisationId,
      caseId: input.caseId,
      kind: input.kind,
      title: input.title,
      filename,
      contentType: type.mime,
      extension: type.ext,
      size: bytes.byteLength,
      fileId: upload.id,
      uploadedBy: input.uploadedBy,
    });
  } catch (error) {
    const first =
      input._id && isDuplicateKey(error)
        ? await DocumentModel.findOne({ _id: input._id, publicBodyId: input.publicBodyId })
        : null;
    if (!first) throw error;
    // Stored a moment ago by another request: that one stays, this file goes.
    await bucket()
      .delete(upload.id)
      .catch(() => undefined);
    return first;
  }
  if (input.kind !== "attachment") await touch("orgDocuments");
  return doc;
}

/** A file attached to a case (by itself, with a message or with a report): stored, then listed by the change. */
export function storeCaseAttachment(
  c: { publicBodyId: Types.ObjectId; organisationId: Types.ObjectId; _id: Types.ObjectId },
  uploadedBy: Types.ObjectId,
  title: string,
  file: { bytes: Uint8Array; type: { ext: string; mime: string }; name: string },
) {
  return storeDocument({
    publicBodyId: c.publicBodyId,
    organisationId: c.organisationId,
    caseId: c._id,
    uploadedBy,
    kind: "attachment",
    title,
    file,
  });
}

/**
 * An organisation's documents, newest first. Every organisation's document list is kept per
 * instance until one is stored or removed (kernel/read-markers.server.ts): the filter would
 * read the whole collection, attachments included, on FerretDB.
 */
export async function listOrgDocuments({ organisationId, seenFrom: publicBodyId }: OrgDocumentsQuery) {
  const all = await cachedUntilTouched("orgDocuments", () =>
    DocumentModel.find({ kind: { $ne: "attachment" } })
      .sort({ createdAt: -1 })
      .lean(),
  );
  return all.filter((d) => d.organisationId.equals(organisationId) && seenFrom(d, publicBodyId));
}

/** An organisation's documents as one reader sees them: from a body's staff, or (null) its members. */
export interface OrgDocumentsQuery {
  organisationId: Types.ObjectId;
  seenFrom: Types.ObjectId | null;
}

/**
 * Organisations are national (decision 029): their own documents (statutes, annual reports)
 * serve every body they work with; a document of a case (a signed agreement) is that case's
 * body's. `publicBodyId` null: every one (the organisation's own members).
 */
const seenFrom = (
  d: { caseId?: Types.ObjectId | null; publicBodyId: Types.ObjectId },
  publicBodyId: Types.ObjectId | null,
) => !publicBodyId || !d.caseId || d.publicBodyId.equals(publicBodyId);

/** The case a document belongs to: its `_id` and its body, named in every lookup (decision 037). */
type OfCase = { _id: Types.ObjectId; publicBodyId: Types.ObjectId };

/** A case's attachments by their ids (from the case's trail), each an `_id` lookup. */
export async function listCaseAttachments(c: OfCase, ids: Types.ObjectId[]) {
  const docs = await Promise.all(ids.map((_id) => DocumentModel.findOne({ _id, publicBodyId: c.publicBodyId }).lean()));
  return docs.flatMap((d) => (d && d.caseId?.equals(c._id) && d.kind === "attachment" ? [d] : []));
}

export function findCaseAttachment(c: OfCase, id: string) {
  if (!Types.ObjectId.isValid(id)) return Promise.resolve(null);
  return DocumentModel.findOne({ _id: id, publicBodyId: c.publicBodyId, caseId: c._id, kind: "attachment" }).lean();
}

/** One of the organisation's documents, as `listOrgDocuments` lists them for the same reader. */
export async function findOrgDocument({ organisationId, seenFrom: publicBodyId }: OrgDocumentsQuery, id: string) {
  // From the kept list of every organisation's documents: the body it was stored at is not
  // known from the address, and the list is read anyway (decision 037).
  const listed = await listOrgDocuments({ organisationId, seenFrom: publicBodyId });
  return listed.find((d) => String(d._id) === id) ?? null;
}

export function openFile(fileId: Types.ObjectId) {
  return bucket().openDownloadStream(fileId);
}

// A stored file never changes (a new version is a new file), so its bytes can be kept: GridFS
// finds a file's chunks by `files_id`, which FerretDB 1.x answers by reading every chunk of
// every file (decision 009). Bounded by bytes; the largest files are not kept.
const kept = new LRUCache<string, Buffer>({
  maxSize: 64 * 2 ** 20,
  maxEntrySize: 8 * 2 ** 20,
  sizeCalculation: (b) => Math.max(1, b.length),
});

/** A stored file's bytes, read once per instance while they stay among the recently used. */
export async function fileBytes(fileId: Types.ObjectId): Promise<Buffer> {
  const key = `${mongoose.connection.name}:${String(fileId)}`;
  const hit = kept.get(key);
  if (hit) return hit;
  const chunks: Buffer[] = [];
  for await (const chunk of openFile(fileId)) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  kept.set(key, bytes);
  return bytes;
}

/**
 * A registered document (allmän handling): a signed agreement, or a file that belongs to a case.
 * It is never removed by anyone through the app; only disposal under the document plan may.
 */
export const isRegistered = (doc: { kind: string; caseId?: Types.ObjectId | null }) =>
  doc.kind === "agreement" || Boolean(doc.caseId);

/** Refused: the document is registered and stays (see `isRegistered`). */
export class RegisteredDocumentError extends Error {}

/** Removes an organisation's own document (statutes, annual report …) and its file. */
export async function deleteOrgDocument(doc: {
  _id: Types.ObjectId;
  publicBodyId: Types.ObjectId;
  fileId: Types.ObjectId;
  kind: string;
  caseId?: Types.ObjectId | null;
}) {
  if (isRegistered(doc)) throw new RegisteredDocumentError();
  await deleteDocument(doc);
}

/** Removes a stored document and its file (an organisation's own document, or a deleted draft's attachment). */
export async function deleteDocument(doc: {
  _id: Types.ObjectId;
  publicBodyId: Types.ObjectId;
  fileId: Types.ObjectId;
}) {
  await DocumentModel.deleteOne({ _id: doc._id, publicBodyId: doc.publicBodyId });
  await touch("orgDocuments");
  await bucket()
    .delete(doc.fileId)
    .catch(() => undefined);
}
