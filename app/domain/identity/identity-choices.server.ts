// What an identity from an OpenID provider may become (decision 016): the choices a person has
// for an identity no account has yet, carrying out the one they make, and where signing out
// ends at the provider too.
import { Types } from "mongoose";
import { IdentityProviderModel } from "#models/identity-provider";
import { UserModel } from "#models/user";
import { AccountError, createAccountFromIdentity, linkIdentity } from "./linked-identities.server";
import { endSessionUrl, OidcError, type VerifiedIdentity } from "./oidc.server";
import type { SessionUser } from "./sessions.server";

/** Where to send the browser after signing out here: the provider's sign-out, or home. */
export async function signOutElsewhere(providerId: Types.ObjectId | undefined) {
  if (!providerId) return "/";
  const provider = await IdentityProviderModel.findById(providerId).select("+clientSecretSealed").lean();
  return (provider && (await endSessionUrl({ ...provider, _id: providerId }))) ?? "/";
}

/** What the person may do with an identity no account has yet (the choice page). */
export async function identityChoices(identity: VerifiedIdentity, user: SessionUser | null) {
  const email = identity.email && identity.emailVerified ? identity.email : undefined;
  const holder = email ? await UserModel.findOne({ email }).select("emailVerifiedAt").lean() : null;
  return {
    signedInAs: user?.email ?? null,
    email: identity.email ?? null,
    // Only a verified account's address links by email: an unverified one proves nothing.
    emailAccount: Boolean(holder?.emailVerifiedAt),
  };
}

export type IdentityDecision = "linkSignedIn" | { create: { name: string; email: string }; locale: "sv" | "en" };

/** Carries out the person's choice; the account then signs in. */
export async function settleIdentity(
  identity: VerifiedIdentity,
  user: SessionUser | null,
  decision: IdentityDecision,
): Promise<
  { ok: true; userId: Types.ObjectId; providerId: Types.ObjectId; created: boolean } | { ok: false; error: string }
> {
  const providerId = new Types.ObjectId(identity.providerId);
  try {
    if (decision === "linkSignedIn") {
      if (!user) return { ok: false, error: "oidc.choose.signInFirst" };
      await linkIdentity(user._id, identity);
      return { ok: true, userId: user._id, providerId, created: false };
    }
    const userId = await createAccountFromIdentity(identity, decision.create, decision.locale);
    return { ok: true, userId, providerId, created: true };
  } catch (error) {
    if (error instanceof AccountError) return { ok: false, error: `oidc.choose.${error.reason}` };
    if (error instanceof OidcError) return { ok: false, error: `oidc.errors.${error.reason}` };
    throw error;
  }
}
