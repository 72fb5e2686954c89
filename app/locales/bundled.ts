// Both languages' texts, for the server. The browser build swaps this module for browser.ts
// (vite.config.ts) and loads only the page's language (entry.client.tsx): each language is
// about 20 KB of gzipped JavaScript.
import en from "./en";
import sv from "./sv";

export const bundled: Record<string, object> = { sv, en };
