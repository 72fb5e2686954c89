// The one source of "now" for the app, so tests can move time (reminders, expiry, New Year).
// Kept under a global symbol: tests import the source modules while the app they start runs the
// bundled build, and both must read the same clock.

type Clock = () => Date;
const KEY = Symbol.for("samverka.clock");
const holder = globalThis as unknown as Record<symbol, Clock | undefined>;

export const clockNow = (): Date => holder[KEY]?.() ?? new Date();

/** Tests only: a fixed or moving time; `null` returns to the real one. */
export function setClock(clock: Clock | null) {
  holder[KEY] = clock ?? undefined;
}
