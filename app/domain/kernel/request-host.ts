import { AsyncLocalStorage } from "node:async_hooks";

// The host a request was sent to (decision 028): which public body it is for follows from it.
// The server sets it for every request, GET or POST, before the app runs. It only ever selects
// among configured bodies; links are built from a body's configured address, never from it.
// Kept under a global symbol because server/app.ts runs outside the app's bundle.

const KEY = Symbol.for("samverka.requestHost");
const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<string> | undefined>;
const storage = (holder[KEY] ??= new AsyncLocalStorage<string>());

/** Runs `fn` (and everything it starts) as a request to `host` (a hostname, lower case, no port). */
export function forHost<T>(host: string, fn: () => T): T {
  return storage.run(host.toLowerCase(), fn);
}

/** The current request's hostname; null outside a request (jobs, scripts). */
export const requestHost = () => storage.getStore() ?? null;
