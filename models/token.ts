import { Schema } from "mongoose";
import { defineModel, type ObjectId } from "./shared";

export const TOKEN_KINDS = ["verify_email", "reset_password", "org_invitation", "staff_invitation"] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

/** Single-use email token; only its SHA-256 is stored. */
export interface Token {
  tokenHash: string;
  kind: TokenKind;
  email: string;
  userId?: ObjectId;
  publicBodyId?: ObjectId;
  organisationId?: ObjectId;
  role?: string;
  departmentIds: ObjectId[];
  invitedBy?: ObjectId;
  expiresAt: Date;
  usedAt?: Date;
  createdAt: Date;
}

const schema = new Schema<Token>(
  {
    tokenHash: { type: String, required: true },
    kind: { type: String, enum: TOKEN_KINDS, required: true },
    email: { type: String, required: true, lowercase: true },
    userId: { type: Schema.Types.ObjectId, ref: "User" },
    publicBodyId: Schema.Types.ObjectId,
    organisationId: { type: Schema.Types.ObjectId, ref: "Organisation" },
    role: String,
    departmentIds: { type: [Schema.Types.ObjectId], default: [] },
    invitedBy: { type: Schema.Types.ObjectId, ref: "User" },
    expiresAt: { type: Date, required: true },
    usedAt: Date,
  },
  { timestamps: { createdAt: true, updatedAt: false }, versionKey: false },
);
schema.index({ tokenHash: 1 }, { unique: true });
schema.index({ organisationId: 1, kind: 1 });
schema.index({ expiresAt: 1 });

export const TokenModel = defineModel("Token", schema);
