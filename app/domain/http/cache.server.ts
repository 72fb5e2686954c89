import { createHash } from "node:crypto";

/** A strong ETag from the bytes. */
export const strongEtag = (body: string | Buffer) =>
  `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;

/**
 * A public file that clients and the data portal may cache: a strong `ETag` from the bytes and
 * `Last-Modified` from the data; a request that already has this version gets 304.
 */
export function cachedFile(
  request: Request,
  body: string | Buffer<ArrayBuffer>,
  contentType: string,
  modified: Date,
  etag = strongEtag(body),
) {
  const lastModified = new Date(Math.floor(modified.getTime() / 1000) * 1000);
  const headers = {
    ETag: etag,
    "Last-Modified": lastModified.toUTCString(),
    "Cache-Control": "public, max-age=300",
  };
  const match = request.headers.get("If-None-Match");
  const since = Date.parse(request.headers.get("If-Modified-Since") ?? "");
  if (match ? match.split(/\s*,\s*/).includes(etag) : !Number.isNaN(since) && lastModified.getTime() <= since) {
    return new Response(null, { status: 304, headers });
  }
  const sent: Record<string, string> = { ...headers, "Content-Type": contentType };
  if (typeof body !== "string") sent["Content-Length"] = String(body.length);
  return new Response(body, { headers: sent });
}
