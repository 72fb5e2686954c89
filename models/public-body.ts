import { Schema } from "mongoose";
import { baseOptions, defineModel } from "./shared";

export interface PublicBody {
  name: string;
  slug: string;
  casePrefix: string;
  officeName: string;
  officeEmail: string;
  officePhone: string;
  officeAddress: string;
  /** Working days before an unrouted case reminds the office (used by the reminder jobs). */
  unroutedReminderDays: number;
  inactivityReminderDays: number;
  /** Days before an unanswered completion request reminds the organisation. */
  completionReminderDays: number;
}

const schema = new Schema<PublicBody>(
  {
    name: { type: String, required: true },
    slug: { type: String, required: true },
    casePrefix: { type: String, required: true },
    officeName: { type: String, required: true },
    officeEmail: { type: String, required: true },
    officePhone: { type: String, default: "" },
    officeAddress: { type: String, default: "" },
    unroutedReminderDays: { type: Number, default: 3 },
    inactivityReminderDays: { type: Number, default: 14 },
    completionReminderDays: { type: Number, default: 7 },
  },
  baseOptions,
);
schema.index({ slug: 1 }, { unique: true });

export const PublicBodyModel = defineModel("PublicBody", schema);
