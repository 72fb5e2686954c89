import { AsyncLocalStorage } from "node:async_hooks";

// What one page view reads more than once (the signed-in user, the public body, the read-model
// markers) is read once: Remix hands each loader its own Request object, so a cache keyed by
// the Request missed and the root and the page each paid the database. The server runs every
// GET and HEAD inside a scope; POSTs get none, because an action may change what a later loader
// of the same request must see. Kept under a global symbol because server/app.ts runs outside
// the app's bundle (like the clock).

type Scope = Map<string, Promise<unknown>>;
const KEY = Symbol.for("samverka.requestScope");
const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<Scope> | undefined>;
const storage = (holder[KEY] ??= new AsyncLocalStorage<Scope>());

/** Runs `fn` (and everything it starts) in a fresh scope. */
export function inRequestScope<T>(fn: () => T): T {
  return storage.run(new Map(), fn);
}

/** `load()` once per scope under `key`; without a scope, every call loads. */
export function oncePerRequest<T>(key: string, load: () => Promise<T>): Promise<T> {
  const scope = storage.getStore();
  if (!scope) return load();
  let pending = scope.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = load();
    scope.set(key, pending);
  }
  return pending;
}
