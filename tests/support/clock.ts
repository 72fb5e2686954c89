import { setClock } from "~/domain/kernel/clock";

/**
 * Runs the app's clock from `iso` on, as real time passes: sessions made after it stay alive,
 * and a test of dated rules (a report on a year that has begun) does not depend on today.
 * Reset with `setClock(null)`.
 */
export function clockFrom(iso: string) {
  const base = Date.parse(iso);
  const started = Date.now();
  setClock(() => new Date(base + (Date.now() - started)));
}

/** `fn` with the clock running from `iso`, then the real clock again. */
export async function at<T>(iso: string, fn: () => Promise<T>): Promise<T> {
  clockFrom(iso);
  try {
    return await fn();
  } finally {
    setClock(null);
  }
}
