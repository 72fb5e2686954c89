// Session lifetimes (plain so that they can be unit-tested): 30 minutes idle, rolling,
// and never more than 12 hours from sign-in.
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** Refresh "last seen" at most this often, to save a write on every request. */
export const TOUCH_INTERVAL_MS = 60 * 1000;

export interface SessionTimes {
  lastSeenAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

export function newSessionTimes(now: Date): SessionTimes {
  return {
    lastSeenAt: now,
    idleExpiresAt: new Date(now.getTime() + IDLE_TIMEOUT_MS),
    absoluteExpiresAt: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS),
  };
}

export function isSessionAlive(s: SessionTimes, now: Date) {
  return now < s.idleExpiresAt && now < s.absoluteExpiresAt;
}

/** The new idle expiry when the session is used now, or null when no write is needed. */
export function touchedIdleExpiry(s: SessionTimes, now: Date): Date | null {
  if (now.getTime() - s.lastSeenAt.getTime() < TOUCH_INTERVAL_MS) return null;
  const idle = now.getTime() + IDLE_TIMEOUT_MS;
  return new Date(Math.min(idle, s.absoluteExpiresAt.getTime()));
}
