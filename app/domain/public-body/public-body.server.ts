import type { Types } from "mongoose";
import { PublicBodyModel, type EurRate } from "#models/public-body";
import { COUNTIES } from "#models/constants";
import { getEnv } from "../kernel/env.server";
import { cachedUntilTouched, touch } from "../kernel/read-markers.server";
import { oncePerRequest } from "../kernel/request-scope";
import { requestHost } from "../kernel/request-host";
import { frontDoorUrl, matchHost, publicBodyUrl, sharedCookieDomain } from "./tenancy";
import type { Sender } from "../../../emails/templates";

/** Every public body of the installation: one small document each, kept until settings change. */
export const allBodies = () => cachedUntilTouched("settings", () => PublicBodyModel.find().lean());

/**
 * The public body the current request is for (decision 028): with APP_HOST, the one its host
 * names (NotThisHostError for the front door or an unknown host); without, the installation's
 * one body (PUBLIC_BODY_SLUG). Outside a request (jobs, scripts) the PUBLIC_BODY_SLUG body.
 */
export function getPublicBody() {
  return oncePerRequest("public-body", async () => {
    const { APP_HOST, PUBLIC_BODY_SLUG } = getEnv();
    const bodies = await allBodies();
    const host = requestHost();
    if (APP_HOST && host) {
      const match = matchHost(host, bodies, APP_HOST);
      if (match.kind !== "body") throw new NotThisHostError(match.kind);
      return match.body;
    }
    return (
      bodies.find((b) => b.slug === PUBLIC_BODY_SLUG) ??
      (await PublicBodyModel.findOne({ slug: PUBLIC_BODY_SLUG }).lean())
    );
  }).then((body) => {
    if (!body) throw new NoPublicBodyError();
    return body;
  });
}

/**
 * What the current host is: one body's, one paused by the installation administrator, the
 * national front door, or unknown (decisions 028 and 031).
 */
export async function hostKind(): Promise<"body" | "paused" | "frontDoor" | "unknown"> {
  const { APP_HOST, PUBLIC_BODY_SLUG } = getEnv();
  const host = requestHost();
  const bodies = await allBodies();
  const match =
    APP_HOST && host
      ? matchHost(host, bodies, APP_HOST)
      : { kind: "body" as const, body: bodies.find((b) => b.slug === PUBLIC_BODY_SLUG) };
  return match.kind === "body" && match.body?.paused ? "paused" : match.kind;
}

/** A host of the installation in a sign-in hand-over (decision 033): "front" or a body's slug. */
export const FRONT_DOOR_KEY = "front";

/** This request's host as a hand-over key; null for a host that is no body's nor the front door. */
export async function currentHostKey(): Promise<string | null> {
  const kind = await hostKind();
  if (kind === "frontDoor") return FRONT_DOOR_KEY;
  return kind === "body" ? (await getPublicBody()).slug : null;
}

/** The configured address of a hand-over key; null for a key that names no host of the installation. */
export async function addressOfHostKey(key: string): Promise<string | null> {
  if (key === FRONT_DOOR_KEY) return getEnv().APP_HOST ? frontDoorAddress() : null;
  const body = (await allBodies()).find((b) => b.slug === key);
  return body && getEnv().APP_HOST ? addressOfBody(body) : null;
}

/**
 * Whether a session made at this host reaches the installation's other hosts only by a hand-over
 * (decision 033): with APP_HOST, at a host its cookie domain does not cover (a body's own host
 * elsewhere; every host when APP_HOST is localhost).
 */
export function needsHandover() {
  const { APP_HOST } = getEnv();
  return Boolean(APP_HOST) && !sharedCookieDomain(requestHost(), APP_HOST);
}

/** The national front door's address (the bare APP_HOST; without one, the installation's). */
export const frontDoorAddress = () => frontDoorUrl(getEnv().APP_URL, getEnv().APP_HOST);

/** The public bodies that use the installation, by name, each with its own address. */
export async function publicBodiesListed() {
  return (await allBodies())
    .map((b) => ({
      slug: b.slug,
      name: b.name,
      kind: b.kind ?? "municipality",
      url: addressOfBody(b),
      county: b.countyCode ? { code: b.countyCode, name: COUNTIES[b.countyCode] } : null,
      paused: Boolean(b.paused),
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
}

/**
 * A body's own address (decision 028): where links in its mails, its redirects and its files
 * point. From the configuration, never from a request's Host header.
 */
export async function addressOf(publicBodyId: Types.ObjectId): Promise<string> {
  const body = (await allBodies()).find((b) => b._id.equals(publicBodyId));
  return body ? addressOfBody(body) : getEnv().APP_URL.replace(/\/$/, "");
}

/** The address of a body at hand (see addressOf). */
export const addressOfBody = (body: { slug: string; hosts?: string[] }) =>
  publicBodyUrl(body, getEnv().APP_URL, getEnv().APP_HOST);

/**
 * The sender block of a body's emails: its office and name, contact and address (decision
 * 028); without `publicBodyId`, the body the current request is for.
 */
export async function mailSender(publicBodyId?: Types.ObjectId): Promise<Sender> {
  const body = (publicBodyId && (await allBodies()).find((b) => b._id.equals(publicBodyId))) || (await getPublicBody());
  return {
    office: `${body.officeName}, ${body.name}`,
    email: body.officeEmail,
    phone: body.officePhone ?? "",
    url: addressOfBody(body),
  };
}

/** The address of the body the current request is for. */
export const currentAddress = async () => addressOf((await getPublicBody())._id);

/** No public body matches PUBLIC_BODY_SLUG: the installation is not set up (a 503 for requests). */
export class NoPublicBodyError extends Error {
  constructor() {
    super("Ingen kommun är konfigurerad: kör `npm run seed` eller sätt PUBLIC_BODY_SLUG");
  }
}

/** The request's host is the front door or no body's: pages of a body are not here (a 404). */
export class NotThisHostError extends Error {
  constructor(readonly host: "frontDoor" | "unknown") {
    super(`Ingen kommun eller region på den här adressen (${host})`);
  }
}

export type PublicBodyDoc = Awaited<ReturnType<typeof getPublicBody>>;

/** The public body's reminder periods (set by administrators in /admin). */
export interface ReminderSettingsInput {
  unroutedReminderDays: number;
  inactivityReminderDays: number;
  completionReminderDays: number;
  signatureReminderDays: number;
}

export async function updateReminderSettings(id: Types.ObjectId, settings: ReminderSettingsInput) {
  await PublicBodyModel.updateOne({ _id: id }, { $set: settings });
  await touch("settings");
}

/** The kronor-to-euro rate of the de minimis check (set by administrators in /admin). */
export async function updateEurRate(id: Types.ObjectId, rate: EurRate) {
  await PublicBodyModel.updateOne({ _id: id }, { $set: { eurRate: rate } });
  await touch("settings");
}
