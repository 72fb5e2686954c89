import { Schema } from "mongoose";
import { baseOptions, defineModel, type ObjectId } from "./shared";
import { touchesMarker } from "./read-marker";

import { ORG_ROLES_LIST as ORG_ROLES, STAFF_ROLES_LIST as STAFF_ROLES } from "./constants";

export { ORG_ROLES, STAFF_ROLES };
export type OrgRole = (typeof ORG_ROLES)[number];
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A membership of an organisation: national, like the organisation (decision 029). */
export interface OrgMembership {
  organisationId: ObjectId;
  role: OrgRole;
  /** An authorised signatory (firmatecknare), named by the organisation's administrator. */
  signatory?: boolean;
}
export interface StaffMembership {
  publicBodyId: ObjectId;
  role: StaffRole;
  departmentIds: ObjectId[];
  /** Holds the delegation to decide and sign agreements for the public body (set in /admin). */
  delegation?: boolean;
}
/** A login through an external identity provider (OIDC: e-ID broker, Entra ID). */
export interface ExternalIdentity {
  issuer: string;
  subject: string;
  linkedAt: Date;
  /** The provider's button label when linked ("BankID och Freja eID+"), for "Mina inloggningar". */
  label: string;
  /** A keyed hash (HMAC) of the personal identity number, never the number (decision 016). */
  personalNumberHash?: string;
}

export interface User {
  email: string;
  name: string;
  passwordHash?: string;
  emailVerifiedAt?: Date;
  locale: "sv" | "en";
  orgMemberships: OrgMembership[];
  staffMemberships: StaffMembership[];
  externalIdentities: ExternalIdentity[];
  passwordChangedAt?: Date;
  /**
   * An installation administrator's second factor (decision 035): the TOTP secret, sealed, and
   * the last time step a code was accepted for (a code works once).
   */
  secondFactor?: { sealed: string; enrolledAt: Date; lastStep: number };
  /** A secret shown for enrolment and not yet confirmed with a code (sealed). */
  secondFactorPending?: string;
  createdAt: Date;
  updatedAt: Date;
}

const schema = new Schema<User>(
  {
    email: { type: String, required: true, lowercase: true, trim: true },
    name: { type: String, required: true, trim: true },
    passwordHash: { type: String, select: false },
    emailVerifiedAt: Date,
    locale: { type: String, enum: ["sv", "en"], default: "sv" },
    orgMemberships: {
      type: [
        new Schema<OrgMembership>(
          {
            organisationId: { type: Schema.Types.ObjectId, required: true, ref: "Organisation" },
            role: { type: String, enum: ORG_ROLES, required: true },
            signatory: Boolean,
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    staffMemberships: {
      type: [
        new Schema<StaffMembership>(
          {
            publicBodyId: { type: Schema.Types.ObjectId, required: true, ref: "PublicBody" },
            role: { type: String, enum: STAFF_ROLES, required: true },
            delegation: Boolean,
            departmentIds: { type: [Schema.Types.ObjectId], default: [] },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    externalIdentities: {
      type: [
        new Schema<ExternalIdentity>(
          {
            issuer: { type: String, required: true },
            subject: { type: String, required: true },
            linkedAt: Date,
            label: { type: String, default: "" },
            personalNumberHash: String,
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    passwordChangedAt: Date,
    secondFactor: {
      type: new Schema({ sealed: String, enrolledAt: Date, lastStep: Number }, { _id: false }),
      select: false,
    },
    secondFactorPending: { type: String, select: false },
  },
  baseOptions,
);
schema.index({ email: 1 }, { unique: true });
schema.index({ "orgMemberships.organisationId": 1 });
schema.index({ "staffMemberships.publicBodyId": 1 });
schema.index({ "externalIdentities.issuer": 1, "externalIdentities.subject": 1 });

// Every instance keeps signed-in people by session (decision 032): any change re-reads them.
touchesMarker(schema, "accounts", "users");

export const UserModel = defineModel("User", schema);
