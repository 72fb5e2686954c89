import { createReadableStreamFromReadable } from "@remix-run/node";
import type { Types } from "mongoose";
import { openFile } from "../records/documents.server";

/**
 * A stored file as a download: always an attachment (never shown inline), with its checked
 * content type; `X-Content-Type-Options: nosniff` is set on every response by the server.
 */
export function fileResponse(doc: { fileId: Types.ObjectId; filename: string; contentType: string; size: number }) {
  const ascii = doc.filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "");
  return new Response(createReadableStreamFromReadable(openFile(doc.fileId)), {
    headers: {
      "Content-Type": doc.contentType,
      "Content-Length": String(doc.size),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(doc.filename)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
