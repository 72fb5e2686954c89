import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { isDbUnavailable } from "./domain/kernel/db.server";
import { logger } from "./domain/kernel/logger.server";
import { wantsScripts } from "./components/page-handle";

// The server lifecycle is exported from the build so that the server and the routes share
// one module graph (one database connection, one scheduler).
export { startApp, stopApp } from "./domain/runtime/startup.server";
export { databaseUp } from "./domain/kernel/db.server";

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

export default function handleRequest(
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
  // A page sent without scripts (docs/decisions/015) needs no data for hydration, which the
  // patched server runtime then never encodes, and no streaming renderer: it is made as one
  // string (docs/decisions/022).
  const { matches } = remixContext.staticHandlerContext;
  if (!wantsScripts(matches.map((m) => ({ handle: remixContext.routeModules[m.route.id]?.handle })))) {
    Object.defineProperty(remixContext, "serverHandoffStream", { value: undefined });
    const html = renderToString(<RemixServer context={remixContext} url={request.url} nonce={nonce} />);
    return whole(Buffer.from(`<!DOCTYPE html>${html}`), responseHeaders, responseStatusCode);
  }
  // Pages defer nothing, so the whole document is ready at once: it is sent as one body rather
  // than streamed in React's small chunks, each of which went through two stream adapters and,
  // with compression, was flushed as its own gzip block (docs/decisions/021).
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    let abort: () => void = () => undefined;
    const timeout = setTimeout(() => abort(), streamTimeout + 1000);
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
      final(done) {
        clearTimeout(timeout);
        resolve(whole(Buffer.concat(chunks), responseHeaders, responseStatusCode));
        done();
      },
    });
    const render = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          render.pipe(sink);
        },
        onShellError(error: unknown) {
          clearTimeout(timeout);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logger.error({ err: error }, "render failed");
        },
      },
    );
    abort = render.abort;
  });
}

function whole(body: Buffer<ArrayBuffer>, headers: Headers, status: number) {
  headers.set("Content-Type", "text/html; charset=utf-8");
  headers.set("Content-Length", String(body.length));
  return new Response(body, { headers, status });
}
