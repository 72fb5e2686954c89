import type { Types } from "mongoose";
import { fileBytes } from "../domain/records/documents.server";

/**
 * A stored file as a download: always an attachment (never shown inline), with its checked
 * content type; `X-Content-Type-Options: nosniff` is set on every response by the server.
 */
export async function fileResponse(doc: {
  fileId: Types.ObjectId;
  filename: string;
  contentType: string;
  size: number;
}) {
  const ascii = doc.filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "");
  const bytes = await fileBytes(doc.fileId);
  return new Response(new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.length), {
    headers: {
      "Content-Type": doc.contentType,
      "Content-Length": String(doc.size),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
