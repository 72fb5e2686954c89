import { describe, expect, it } from "vitest";
import {
  ABSOLUTE_TIMEOUT_MS,
  IDLE_TIMEOUT_MS,
  isSessionAlive,
  newSessionTimes,
  touchedIdleExpiry,
} from "~/domain/identity/session-policy";

const t0 = new Date("2026-11-24T08:00:00Z");
const after = (ms: number) => new Date(t0.getTime() + ms);

describe("session lifetimes", () => {
  it("ends after 30 minutes without activity", () => {
    const s = newSessionTimes(t0);
    expect(isSessionAlive(s, after(IDLE_TIMEOUT_MS - 1000))).toBe(true);
    expect(isSessionAlive(s, after(IDLE_TIMEOUT_MS + 1000))).toBe(false);
  });
  it("rolls the idle timeout when used", () => {
    const s = newSessionTimes(t0);
    const idle = touchedIdleExpiry(s, after(20 * 60 * 1000));
    expect(idle?.getTime()).toBe(after(50 * 60 * 1000).getTime());
    expect(touchedIdleExpiry(s, after(10 * 1000))).toBeNull(); // no write within a minute
  });
  it("never lasts longer than 12 hours, however active", () => {
    const s = newSessionTimes(t0);
    const idle = touchedIdleExpiry(
      { ...s, lastSeenAt: after(ABSOLUTE_TIMEOUT_MS - 10 * 60 * 1000) },
      after(ABSOLUTE_TIMEOUT_MS - 5 * 60 * 1000),
    );
    expect(idle?.getTime()).toBe(s.absoluteExpiresAt.getTime());
    expect(
      isSessionAlive({ ...s, idleExpiresAt: after(ABSOLUTE_TIMEOUT_MS + 60_000) }, after(ABSOLUTE_TIMEOUT_MS + 1)),
    ).toBe(false);
  });
});
