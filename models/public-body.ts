import { Schema } from "mongoose";
import { baseOptions, defineModel } from "./shared";
import { COUNTIES, PUBLIC_BODY_KINDS, type CountyCode } from "./constants";

export { PUBLIC_BODY_KINDS };

export type PublicBodyKind = (typeof PUBLIC_BODY_KINDS)[number];

export interface PublicBody {
  name: string;
  slug: string;
  /** Kommun or region. */
  kind: PublicBodyKind;
  /** The county (län) it lies in, by official code ("03": Uppsala län); a region is its county. */
  countyCode?: CountyCode;
  /** Hosts of the body's own besides <slug>.<APP_HOST>, lower case (decision 028). */
  hosts: string[];
  /** The body's organisationsnummer (kommuner 212000-NNNN), for open data. */
  orgNumber?: string;
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
  /** Days an agreement out for signing waits before its signers are reminded (and again). */
  signatureReminderDays: number;
  /** The rate the de minimis check converts kronor to euro at, set by an administrator. */
  eurRate?: EurRate;
  /** Closed for now by the installation administrator: its pages say so, its reminders wait. */
  paused?: { at: Date; reason?: string };
}

export interface EurRate {
  sekPerEur: number;
  /** The day the rate is from (Riksbanken or the European Commission publish them). */
  date: Date;
}

const schema = new Schema<PublicBody>(
  {
    name: { type: String, required: true },
    slug: { type: String, required: true },
    kind: { type: String, enum: PUBLIC_BODY_KINDS, default: "municipality" },
    countyCode: { type: String, enum: Object.keys(COUNTIES) },
    hosts: { type: [String], default: [] },
    orgNumber: { type: String },
    casePrefix: { type: String, required: true },
    officeName: { type: String, required: true },
    officeEmail: { type: String, required: true },
    officePhone: { type: String, default: "" },
    officeAddress: { type: String, default: "" },
    unroutedReminderDays: { type: Number, default: 3 },
    inactivityReminderDays: { type: Number, default: 14 },
    completionReminderDays: { type: Number, default: 7 },
    signatureReminderDays: { type: Number, default: 7 },
    eurRate: new Schema<EurRate>({ sekPerEur: Number, date: Date }, { _id: false }),
    paused: new Schema({ at: { type: Date, required: true }, reason: String }, { _id: false }),
  },
  baseOptions,
);
schema.index({ slug: 1 }, { unique: true });

export const PublicBodyModel = defineModel("PublicBody", schema);
