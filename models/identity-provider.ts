import { Schema } from "mongoose";
import { baseOptions, defineModel, type ObjectId } from "./shared";
import { PROVIDER_AUDIENCES, STAFF_ROLES_LIST as STAFF_ROLES } from "./constants";

export { PROVIDER_AUDIENCES };
export type ProviderAudience = (typeof PROVIDER_AUDIENCES)[number];

/** An IdP group whose members an administrator lets in with a staff role. */
export interface GroupRole {
  group: string;
  role: (typeof STAFF_ROLES)[number];
}

/** What went wrong at a sign-in, in words an administrator understands (never a claim's value). */
export interface ProviderError {
  at: Date;
  /** A locale key under `oidc.errors`. */
  reason: string;
  /** The library's or the provider's error code, when there is one. */
  code?: string;
}

/**
 * An OpenID Connect provider of a public body: an e-ID broker or the municipality's own IdP
 * (docs/decisions/016-sign-in-with-openid-connect.md).
 */
export interface IdentityProvider {
  publicBodyId: ObjectId;
  label: string;
  issuer: string;
  clientId: string;
  /** The client secret, encrypted (AES-256-GCM); never shown again once saved. */
  clientSecretSealed?: string;
  scopes: string;
  audience: ProviderAudience;
  /** Signing an agreement asks for a fresh authentication here (organisation providers). */
  stepUpForSigning: boolean;
  /** The claim listing the user's groups (staff providers), e.g. "groups" or "roles". */
  groupsClaim: string;
  groupRoles: GroupRole[];
  enabled: boolean;
  /** The last few failures (newest first), for /admin. */
  failures: ProviderError[];
  lastTest?: { at: Date; ok: boolean };
}

const schema = new Schema<IdentityProvider>(
  {
    publicBodyId: { type: Schema.Types.ObjectId, required: true, ref: "PublicBody" },
    label: { type: String, required: true },
    issuer: { type: String, required: true },
    clientId: { type: String, required: true },
    clientSecretSealed: { type: String, select: false },
    scopes: { type: String, default: "openid profile email" },
    audience: { type: String, enum: PROVIDER_AUDIENCES, required: true },
    stepUpForSigning: { type: Boolean, default: false },
    groupsClaim: { type: String, default: "groups" },
    groupRoles: {
      type: [
        new Schema<GroupRole>(
          { group: { type: String, required: true }, role: { type: String, enum: STAFF_ROLES, required: true } },
          { _id: false },
        ),
      ],
      default: [],
    },
    enabled: { type: Boolean, default: true },
    failures: {
      type: [new Schema<ProviderError>({ at: Date, reason: String, code: String }, { _id: false })],
      default: [],
    },
    lastTest: new Schema({ at: Date, ok: Boolean }, { _id: false }),
  },
  baseOptions,
);
schema.index({ publicBodyId: 1 });

export const IdentityProviderModel = defineModel("IdentityProvider", schema);
