import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

holdEarlyInput();

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});

/**
 * Input that arrives before Remix has decoded the page's data would crash hydration: React 18
 * hydrates at once for these events, Remix suspends while it decodes, and React 18 throws
 * "Root did not complete" instead of waiting (docs/decisions/018-input-before-hydration.md).
 * Until the router exists they are kept from React, as React itself does with input it cannot
 * hydrate for; the browser still does what the event means (follow a link, tick a box, submit).
 */
function holdEarlyInput() {
  const events = [
    "mousedown",
    "mouseup",
    "touchcancel",
    "touchend",
    "touchstart",
    "auxclick",
    "dblclick",
    "pointercancel",
    "pointerdown",
    "pointerup",
    "dragend",
    "dragstart",
    "drop",
    "compositionend",
    "compositionstart",
    "keydown",
    "keypress",
    "keyup",
    "input",
    "textInput",
    "copy",
    "cut",
    "paste",
    "click",
    "change",
    "contextmenu",
    "reset",
    "submit",
  ];
  const hold = (event: Event) => {
    if (!("__remixRouter" in window)) return event.stopPropagation();
    for (const name of events) window.removeEventListener(name, hold, true);
  };
  for (const name of events) window.addEventListener(name, hold, true);
}
