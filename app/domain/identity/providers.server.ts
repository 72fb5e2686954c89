import type { Types } from "mongoose";
import { IdentityProviderModel, type IdentityProvider } from "#models/identity-provider";
import { seal } from "../kernel/crypto.server";
import { refreshProviderOrigins, SECRET_PURPOSE } from "./oidc.server";

// The public body's OpenID providers, as administrators keep them (decision 016). The client
// secret is write-only: stored encrypted, never sent back to a page; an empty field keeps it.

/** What an administrator sets; the secret in clear only on its way in. */
export type ProviderInput = Omit<IdentityProvider, "publicBodyId" | "clientSecretSealed" | "failures" | "lastTest"> & {
  clientSecret?: string;
};

export async function saveProvider(publicBodyId: Types.ObjectId, input: ProviderInput, id?: Types.ObjectId) {
  const { clientSecret, ...fields } = input;
  const secret = clientSecret ? { clientSecretSealed: seal(clientSecret, SECRET_PURPOSE) } : {};
  if (id) await IdentityProviderModel.updateOne({ _id: id, publicBodyId }, { $set: { ...fields, ...secret } });
  const saved = id ?? (await IdentityProviderModel.create({ publicBodyId, ...fields, ...secret, failures: [] }))._id;
  await refreshProviderOrigins();
  return saved;
}

/** For /admin: every provider with its state, never its secret. */
export async function listProviders(publicBodyId: Types.ObjectId) {
  const all = await IdentityProviderModel.find({ publicBodyId })
    .select("+clientSecretSealed")
    .sort({ label: 1 })
    .lean();
  return all.map(({ clientSecretSealed, _id, publicBodyId: _body, ...p }) => ({
    ...p,
    id: String(_id),
    hasSecret: Boolean(clientSecretSealed),
  }));
}

export async function deleteProvider(publicBodyId: Types.ObjectId, id: Types.ObjectId) {
  await IdentityProviderModel.deleteOne({ _id: id, publicBodyId });
  await refreshProviderOrigins();
}
