import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { isDbUnavailable } from "./domain/kernel/db.server";
import { logger } from "./domain/kernel/logger.server";
import { wantsScripts } from "./components/page-handle";

// The server lifecycle is exported from the build so that the server and the routes share
// one module graph (one database connection, one scheduler).
export { startApp, stopApp } from "./domain/runtime/startup.server";
export { databaseUp } from "./domain/kernel/db.server";
export { hostKind, frontDoorAddress } from "./domain/public-body/public-body.server";

export const streamTimeout = 5_000;

// Requests that failed because the database was away. Remix hands handleRequest only
// sanitised errors in production, so the original is noted here.
const lostDatabase = new WeakSet<Request>();

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  if (isDbUnavailable(error)) {
    lostDatabase.add(request);
    logger.warn({ err: error, url: new URL(request.url).pathname }, "database unavailable");
  } else logger.error({ err: error, url: new URL(request.url).pathname }, "request failed");
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.nonce;
  // A query that failed because the database went away (before the driver noticed) is a
  // 503 with Retry-After, not a 500; thrown 503s from loaders get the header here too.
  if (lostDatabase.has(request)) responseStatusCode = 503;
  if (responseStatusCode === 503) responseHeaders.set("Retry-After", "30");
  // No page defers data, so the document is rendered to one string and sent whole with its
  // length (decision 021). The data for hydration is encoded only for pages with scripts (the
  // server runtime's patch makes it lazy) and written after the document as Remix's own
  // streaming would have; pages without scripts (decision 015) get none (decision 022).
  const { matches } = remixContext.staticHandlerContext;
  const scripts = wantsScripts(matches.map((m) => ({ handle: remixContext.routeModules[m.route.id]?.handle })));
  const handoff = scripts ? remixContext.serverHandoffStream : undefined;
  Object.defineProperty(remixContext, "serverHandoffStream", { value: undefined });
  const html = renderToString(<RemixServer context={remixContext} url={request.url} nonce={nonce} />);
  const rendered = (remixContext as { renderMeta?: { didRenderScripts?: boolean } }).renderMeta?.didRenderScripts;
  const data = handoff && rendered ? await handoffScripts(handoff, nonce) : "";
  return whole(Buffer.from(`<!DOCTYPE html>${html}${data}`), responseHeaders, responseStatusCode);
}

function whole(body: Buffer<ArrayBuffer>, headers: Headers, status: number) {
  headers.set("Content-Type", "text/html; charset=utf-8");
  headers.set("Content-Length", String(body.length));
  return new Response(body, { headers, status });
}

// What Remix's StreamTransfer writes for data that arrives in one piece: the data, then the end
// of the stream, inside the same (empty) Suspense markers, escaped for a script element.
const SCRIPT_ESCAPES: Record<string, string> = {
  "&": "\\u0026",
  ">": "\\u003e",
  "<": "\\u003c",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

async function handoffScripts(stream: ReadableStream<Uint8Array>, nonce: string) {
  const data = await new Response(stream).text();
  const json = JSON.stringify(data).replace(/[&><\u2028\u2029]/g, (c) => SCRIPT_ESCAPES[c] ?? c);
  const open = `<script nonce="${nonce}">`;
  return `<!--$-->${open}window.__remixContext.streamController.enqueue(${json});</script><!--$-->${open}window.__remixContext.streamController.close();</script><!--/$--><!--/$-->`;
}
