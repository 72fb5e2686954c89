import type { Types } from "mongoose";
import { PublicBodyModel, type EurRate } from "#models/public-body";
import { getEnv } from "../kernel/env.server";

/**
 * The public body this installation serves. One per installation for now (PUBLIC_BODY_SLUG);
 * every query still filters by its id so that several can share a database later.
 */
export async function getPublicBody() {
  const body = await PublicBodyModel.findOne({ slug: getEnv().PUBLIC_BODY_SLUG }).lean();
  if (!body) {
    throw new Response("Ingen kommun är konfigurerad: kör `npm run seed` eller sätt PUBLIC_BODY_SLUG", {
      status: 503,
    });
  }
  return body;
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
}

/** The kronor-to-euro rate of the de minimis check (set by administrators in /admin). */
export async function updateEurRate(id: Types.ObjectId, rate: EurRate) {
  await PublicBodyModel.updateOne({ _id: id }, { $set: { eurRate: rate } });
}
