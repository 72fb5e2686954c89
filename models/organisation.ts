import { Schema } from "mongoose";
import { baseOptions, defineModel, type ObjectId } from "./shared";

import { LEGAL_FORMS, SIGNING_RULES } from "./constants";

export { LEGAL_FORMS };
export type LegalForm = (typeof LEGAL_FORMS)[number];

export interface Signatory {
  name: string;
  role: string;
}

export interface Organisation {
  publicBodyId: ObjectId;
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
    publicBodyId: { type: Schema.Types.ObjectId, required: true, ref: "PublicBody" },
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
schema.index({ publicBodyId: 1, orgNumber: 1 }, { unique: true });
schema.index({ publicBodyId: 1, name: 1 });

export const OrganisationModel = defineModel("Organisation", schema);
