// Sessions as the domain knows them (docs/architecture.md, "Sessions"): a record per signed-in
// browser, found by the hash of its secret token (the cookie, app/http/session.server.ts, holds
// the token itself). Idle and absolute timeouts are session-policy.ts's.
import { LRUCache } from "lru-cache";
import type { Types } from "mongoose";
import { SessionModel, type Session } from "#models/session";
import { UserModel, type User } from "#models/user";
import { randomToken, sha256 } from "../kernel/crypto.server";
import { clockNow } from "../kernel/clock";
import { isSessionAlive, newSessionTimes, touchedIdleExpiry, type SessionTimes } from "./session-policy";
import { readById } from "../kernel/by-id.server";
import { markerKey } from "../kernel/read-markers.server";

export type SessionUser = Pick<
  User,
  "email" | "name" | "emailVerifiedAt" | "locale" | "orgMemberships" | "staffMemberships"
> & { _id: Types.ObjectId };

const USER_FIELDS = "email name emailVerifiedAt locale orgMemberships staffMemberships";

/** The session's `_id`: only the token's hash is stored, so a database copy signs nobody in. */
export const sessionId = (token: string) => sha256(token);

/** The user of a live session, or null. Extends the idle timeout (rolling). */
export async function sessionUser(token: string): Promise<SessionUser | null> {
  const now = clockNow();
  const id = sessionId(token);
  const key = await markerKey("accounts");
  if (key !== keptFor) {
    kept.clear();
    keptFor = key;
  }
  let entry = kept.get(id);
  // A kept copy that looks over may be behind a use through another instance: read it again.
  // One older than a minute too, so that a change whose marker was lost (a crash between the
  // write and the marker) holds everywhere within a minute.
  if (!entry || !isSessionAlive(entry.times, now) || now.getTime() - entry.readAt > KEPT_AT_MOST_MS) {
    const read = await readSession(id, now);
    if (!read) return null;
    entry = read;
  }
  const idle = touchedIdleExpiry(entry.times, now);
  if (idle) {
    await SessionModel.updateOne({ _id: id }, { $set: { lastSeenAt: now, idleExpiresAt: idle } });
    entry = { ...entry, times: { ...entry.times, lastSeenAt: now, idleExpiresAt: idle } };
  }
  // Kept only under the marker it was read after (a change since then is seen at the next use).
  if (keptFor === key) kept.set(id, entry);
  return entry.user;
}

type Kept = { times: SessionTimes; user: SessionUser; readAt: number };
const KEPT_AT_MOST_MS = 60_000;

// Each instance keeps live sessions and their people, valid while the "accounts" marker stands:
// every write of a user and every ended session sets it (models/user.ts, session.ts), so a signed-
// in page view reads one small marker instead of two collections (decision 032).
const kept = new LRUCache<string, Kept>({ max: 10_000 });
let keptFor = "";

async function readSession(id: string, now: Date): Promise<Kept | null> {
  const session = await readById<Session>(SessionModel, id);
  if (!session) return null;
  if (!isSessionAlive(session, now)) {
    await SessionModel.deleteOne({ _id: session._id });
    return null;
  }
  const user = await readById<SessionUser>(UserModel, session.userId, USER_FIELDS);
  if (!user) return null;
  // Shared by the page views that follow: nobody may change it in place.
  for (const list of [user.orgMemberships, user.staffMemberships]) list?.forEach((m) => Object.freeze(m));
  Object.freeze(user.orgMemberships);
  Object.freeze(user.staffMemberships);
  Object.freeze(user);
  const { lastSeenAt, idleExpiresAt, absoluteExpiresAt } = session;
  return { times: { lastSeenAt, idleExpiresAt, absoluteExpiresAt }, user, readAt: now.getTime() };
}

/**
 * Starts a new session (always a new token, the one it replaces ended) and returns its token. A
 * session begun at an OpenID provider remembers it, to sign out there too.
 */
export async function startSession(
  userId: Types.ObjectId,
  options: { replacing: string | null; userAgent: string; providerId?: Types.ObjectId; family?: string },
) {
  if (options.replacing) await SessionModel.deleteOne({ _id: sessionId(options.replacing) });
  const token = randomToken();
  const now = clockNow();
  const _id = sessionId(token);
  await SessionModel.create({
    _id,
    userId,
    createdAt: now,
    userAgent: options.userAgent.slice(0, 300),
    family: options.family ?? _id,
    ...(options.providerId ? { providerId: options.providerId } : {}),
    ...newSessionTimes(now),
  });
  return token;
}

/**
 * Ends the session and the sessions the same sign-in made on the installation's other hosts
 * (decision 033); returns the provider it began at, if any.
 */
export async function endSession(token: string | null) {
  const session = token ? await SessionModel.findOneAndDelete({ _id: sessionId(token) }).lean() : null;
  if (session) await SessionModel.deleteMany({ family: session.family ?? session._id });
  return session?.providerId;
}

/**
 * What a live session hands on to another host (decision 033): its family (see Session.family)
 * and the provider it began at, so signing out there also signs out of that provider; null when
 * there is no live session.
 */
export async function sessionToHandOn(token: string | null) {
  const session = token ? await readById<Session>(SessionModel, sessionId(token)) : null;
  if (!session || !isSessionAlive(session, clockNow())) return null;
  return { family: session.family ?? session._id, providerId: session.providerId };
}

/** Ends every session of the user except, optionally, the one with this token. */
export async function endSessions(userId: Types.ObjectId, keep?: string | null) {
  await SessionModel.deleteMany(keep ? { userId, _id: { $ne: sessionId(keep) } } : { userId });
}

/** How the session began: at which provider (if any) and when. */
export async function sessionStart(token: string | null) {
  return token ? SessionModel.findById(sessionId(token)).select("providerId createdAt").lean() : null;
}
