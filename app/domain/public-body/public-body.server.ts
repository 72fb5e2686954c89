import type { Types } from "mongoose";
import { PublicBodyModel, type EurRate } from "#models/public-body";
import { getEnv } from "../kernel/env.server";
import { cachedUntilTouched, touch } from "../kernel/read-markers.server";
import { oncePerRequest } from "../kernel/request-scope";

/**
 * The public body this installation serves. One per installation for now (PUBLIC_BODY_SLUG);
 * every query still filters by its id so that several can share a database later.
 */
export function getPublicBody() {
  return oncePerRequest("public-body", async () => {
    const slug = getEnv().PUBLIC_BODY_SLUG;
    // Every page needs it and it rarely changes: kept until the settings marker changes.
    const bodies = await cachedUntilTouched("settings", () => PublicBodyModel.find().lean());
    return bodies.find((b) => b.slug === slug) ?? (await PublicBodyModel.findOne({ slug }).lean());
  }).then((body) => {
    if (!body) throw new NoPublicBodyError();
    return body;
  });
}

/** No public body matches PUBLIC_BODY_SLUG: the installation is not set up (a 503 for requests). */
export class NoPublicBodyError extends Error {
  constructor() {
    super("Ingen kommun är konfigurerad: kör `npm run seed` eller sätt PUBLIC_BODY_SLUG");
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
