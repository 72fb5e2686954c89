import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Writable } from "node:stream";
import { createElement, Fragment } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";

// React 18's streaming renderer fills 2 KB views with encoded text. When a character such as
// "ö" no longer fitted at the end of a view, it sent the whole view, unused bytes and all: the
// page then held NUL bytes in the middle of Swedish words (and inside the hydration data).
// patches/react-dom+*.patch sends only the bytes written (docs/decisions/022).

const require = createRequire(import.meta.url);
const reactDom = dirname(require.resolve("react-dom/package.json"));
type Server = Pick<typeof import("react-dom/server"), "renderToPipeableStream">;
const builds: [string, Server][] = [
  ["production", require(join(reactDom, "cjs/react-dom-server.node.production.min.js")) as Server],
  ["development", require(join(reactDom, "cjs/react-dom-server.node.development.js")) as Server],
];

const WORDS = ["uppföljningsrapporten", "Överenskommelse", "åtagande", "Föreningen Ängen", "bidrag 12 500 kr"];

/** A list long enough to cross several views, shifted by `shift` bytes so a boundary lands inside a character. */
const page = (shift: number) =>
  createElement(
    "ul",
    null,
    createElement("li", null, "x".repeat(shift)),
    ...Array.from({ length: 400 }, (_, i) =>
      createElement("li", { key: i }, createElement(Fragment, null, WORDS[i % WORDS.length], " ", i)),
    ),
  );

function streamed(server: Server, element: ReturnType<typeof page>) {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(Buffer.from(chunk));
        done();
      },
      final(done) {
        resolve(Buffer.concat(chunks));
        done();
      },
    });
    const render = server.renderToPipeableStream(element, {
      onAllReady: () => render.pipe(sink),
      onShellError: reject,
    });
  });
}

describe("a streamed document", () => {
  for (const [name, server] of builds)
    it(`holds exactly the rendered text, without NUL bytes (${name} build)`, async () => {
      for (let shift = 0; shift < 24; shift++) {
        const bytes = await streamed(server, page(shift));
        expect(bytes.includes(0)).toBe(false);
        expect(bytes.toString("utf8")).toBe(renderToString(page(shift)));
      }
    });
});
