import { contentEtag } from "../domain/kernel/crypto.server";

/** The tag's value without the weak prefix: `If-None-Match` compares weakly (RFC 9110, 13.1.2). */
const opaque = (tag: string) => tag.trim().replace(/^W\//, "");

/** Whether `If-None-Match` names this version: one of its tags, weak or strong, or `*`. */
export function matchesEtag(header: string, etag: string) {
  const tags = header.split(",").map((t) => t.trim());
  return tags.includes("*") || tags.some((t) => opaque(t) === opaque(etag));
}

/**
 * A public file that clients, other sites and the data portal may fetch and cache: an `ETag`
 * from the bytes and `Last-Modified` from the data (a request that already has this version
 * gets 304), readable from any origin (CORS and CORP: public data is fetched by other sites).
 */
export function cachedFile(
  request: Request,
  body: string | Buffer<ArrayBuffer>,
  contentType: string,
  modified: Date,
  etag = contentEtag(body),
) {
  const lastModified = new Date(Math.floor(modified.getTime() / 1000) * 1000);
  const headers = {
    ETag: etag,
    "Last-Modified": lastModified.toUTCString(),
    "Cache-Control": "public, max-age=300",
    "Access-Control-Allow-Origin": "*",
    "Cross-Origin-Resource-Policy": "cross-origin",
    Vary: "Accept-Encoding",
  };
  const match = request.headers.get("If-None-Match");
  const since = Date.parse(request.headers.get("If-Modified-Since") ?? "");
  if (match ? matchesEtag(match, etag) : !Number.isNaN(since) && lastModified.getTime() <= since) {
    return new Response(null, { status: 304, headers });
  }
  const sent: Record<string, string> = { ...headers, "Content-Type": contentType };
  if (typeof body !== "string") sent["Content-Length"] = String(body.length);
  return new Response(body, { headers: sent });
}
