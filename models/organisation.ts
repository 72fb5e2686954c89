import { Schema } from "mongoose";
import { baseOptions, defineModel, type ObjectId } from "./shared";

import { LEGAL_FORMS, SIGNING_RULES } from "./constants";

export { LEGAL_FORMS };
export type LegalForm = (typeof LEGAL_FORMS)[number];

export interface Signatory {
  name: string;
  role: string;
}

/**
 * An organisation, registered once for the whole installation (one organisationsnummer): it
 * proposes to any public body (decision 029). `registeredIn` is the body at whose address it
 * was registered, whose staff see it before its first case there.
 */
export interface Organisation {
  registeredIn: ObjectId;
  name: string;
  orgNumber: string;
  legalForm: LegalForm;
  purpose: string;
  streetAddress: string;
  postalCode: string;
  city: string;
  website: string;
  email: string;
  phone: string;
  signatories: Signatory[];
  /** How many of them must sign an agreement: one alone, or two jointly. */
  signingRule: (typeof SIGNING_RULES)[number];
  createdBy: ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

const schema = new Schema<Organisation>(
  {
    registeredIn: { type: Schema.Types.ObjectId, required: true, ref: "PublicBody" },
    name: { type: String, required: true, trim: true },
    orgNumber: { type: String, required: true },
    legalForm: { type: String, enum: LEGAL_FORMS, required: true },
    purpose: { type: String, required: true },
    streetAddress: { type: String, default: "" },
    postalCode: { type: String, default: "" },
    city: { type: String, default: "" },
    website: { type: String, default: "" },
    email: { type: String, required: true },
    phone: { type: String, default: "" },
    signatories: {
      type: [new Schema<Signatory>({ name: String, role: String }, { _id: false })],
      default: [],
    },
    signingRule: { type: String, enum: SIGNING_RULES, default: "alone" },
    createdBy: { type: Schema.Types.ObjectId, required: true, ref: "User" },
  },
  baseOptions,
);
schema.index({ orgNumber: 1 }, { unique: true });
schema.index({ name: 1 });

export const OrganisationModel = defineModel("Organisation", schema);
