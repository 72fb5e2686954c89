import { Schema } from "mongoose";
import { defineModel, type ObjectId } from "./shared";

/**
 * Which account holds an e-ID or IdP identity, keyed by `issuer|subject`: the unique `_id` makes
 * an identity linked to one account at most, on FerretDB too (which does not enforce a unique
 * index on the users' identity array), and finds its account by `_id` at every sign-in. The
 * account's own list (`users.externalIdentities`) keeps what the person sees.
 */
export interface IdentityLink {
  _id: string;
  userId: ObjectId;
  linkedAt: Date;
}

const schema = new Schema<IdentityLink>(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true, ref: "User" },
    linkedAt: { type: Date, required: true },
  },
  { versionKey: false },
);
schema.index({ userId: 1 });

export const IdentityLinkModel = defineModel("IdentityLink", schema);
