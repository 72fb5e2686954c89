import type { Types } from "mongoose";
import { IdentityLinkModel } from "#models/identity-link";
import { IdentityProviderModel } from "#models/identity-provider";
import { UserModel, type ExternalIdentity, type StaffMembership } from "#models/user";
import { isDuplicateKey, withLock } from "../kernel/claims.server";
import { pullMatching } from "../kernel/array-pull.server";
import { clockNow } from "../kernel/clock";
import { sendVerificationEmail } from "./accounts.server";
import { OidcError, type ProviderDoc, type VerifiedIdentity } from "./oidc.server";

// Which account an e-ID or IdP identity belongs to (decision 016). An identity is linked to at
// most one account: its link is a document whose `_id` is `issuer|subject` (a unique key on
// FerretDB too), and a lock on `identity:<issuer>|<subject>` orders the requests that link it. A first
// e-ID sign-in links only after the account proves itself; staff are matched to the accounts
// administrators invited, by verified email, and a staff role never comes from a claim alone.

const identityKey = (issuer: string, subject: string) => `identity:${issuer}|${subject}`;
const linkId = (issuer: string, subject: string) => `${issuer}|${subject}`;

/** The account holding the identity (an `_id` lookup). */
export async function userWithIdentity(issuer: string, subject: string) {
  const link = await IdentityLinkModel.findById(linkId(issuer, subject)).lean();
  return link ? { _id: link.userId } : null;
}

/**
 * Links the identity to the account; refused when another account holds it. Idempotent. The
 * check and the write happen under a lock on the identity, so two requests at once (a double
 * click, two accounts claiming one e-ID) link it once; a crash between them leaves nothing.
 */
export async function linkIdentity(userId: Types.ObjectId, identity: VerifiedIdentity) {
  await withLock(identityKey(identity.issuer, identity.subject), async () => {
    const _id = linkId(identity.issuer, identity.subject);
    try {
      // The unique key decides, even for a holder whose lock has passed to another.
      await IdentityLinkModel.create({ _id, userId, linkedAt: clockNow() });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const holder = await IdentityLinkModel.findById(_id).lean();
      if (!holder?.userId.equals(userId)) throw new OidcError("linkedElsewhere");
    }
    // A retry after a crash between the two writes finds the link its own and adds the entry once.
    const user = await UserModel.findById(userId).select("externalIdentities").lean();
    if (user?.externalIdentities.some((e) => e.issuer === identity.issuer && e.subject === identity.subject)) return;
    const linked: ExternalIdentity = {
      issuer: identity.issuer,
      subject: identity.subject,
      label: identity.label,
      linkedAt: clockNow(),
      ...(identity.personalNumberHash ? { personalNumberHash: identity.personalNumberHash } : {}),
    };
    await UserModel.updateOne({ _id: userId }, { $push: { externalIdentities: linked } });
  });
}

export type SignInMatch =
  | { kind: "user"; userId: Types.ObjectId }
  /** Nobody has this identity yet: the person chooses (link to an account, or a new one). */
  | { kind: "unknown"; emailAccount: boolean };

/**
 * The account a signing-in identity opens. Organisation providers: the linked account, or
 * "unknown" (the person decides). Staff providers: the linked account, else the invited staff
 * account of this public body with the same verified email, else, for a person with no account
 * at all, a new staff account with the role an administrator's group mapping gives; otherwise
 * nobody. An account that exists but is not this body's invited staff (an organisation member
 * with the same email) is never linked nor given a role here: its holder signs in with the
 * password first and links the identity from /konto.
 */
export async function matchSignIn(provider: ProviderDoc, identity: VerifiedIdentity): Promise<SignInMatch> {
  const linked = await userWithIdentity(identity.issuer, identity.subject);
  if (linked) return { kind: "user", userId: linked._id };
  const byEmail =
    identity.email && identity.emailVerified
      ? await UserModel.findOne({ email: identity.email }).select("staffMemberships").lean()
      : null;
  if (provider.audience === "organisation") return { kind: "unknown", emailAccount: Boolean(byEmail) };
  if (!identity.email || !identity.emailVerified) throw new OidcError("noEmail");
  const invited = byEmail?.staffMemberships.some((m) => m.publicBodyId.equals(provider.publicBodyId));
  if (byEmail && invited) {
    await linkIdentity(byEmail._id, identity);
    return { kind: "user", userId: byEmail._id };
  }
  if (byEmail) throw new OidcError("proveAccount");
  const role = provider.groupRoles.find((g) => identity.groups.includes(g.group))?.role;
  if (!role) throw new OidcError("noStaffAccount");
  const membership: StaffMembership = { publicBodyId: provider.publicBodyId, role, departmentIds: [] };
  // A double sign-in makes one account with one membership: the second waits and finds it.
  const email = identity.email;
  const userId = await withLock(`new-account:${identity.issuer}|${identity.subject}`, async () => {
    const existing = await userWithIdentity(identity.issuer, identity.subject);
    if (existing) return existing._id;
    const created = await createUser(identity, email, [membership]);
    await linkIdentity(created, identity);
    return created;
  });
  return { kind: "user", userId };
}

async function createUser(identity: VerifiedIdentity, email: string, staffMemberships: StaffMembership[] = []) {
  const verified = identity.emailVerified && identity.email === email;
  try {
    const user = await UserModel.create({
      name: identity.name,
      email,
      staffMemberships,
      ...(verified ? { emailVerifiedAt: clockNow() } : {}),
    });
    return user._id;
  } catch (error) {
    if (isDuplicateKey(error)) throw new AccountError("emailTaken");
    throw error;
  }
}

export class AccountError extends Error {
  constructor(readonly reason: "emailTaken" | "lastWayIn" | "notLinked") {
    super(reason);
  }
}

/**
 * A new account from a first e-ID sign-in: the name from the e-ID, the email the person gives
 * (verified at once when it is the provider's verified one, else by a link sent to it).
 */
export async function createAccountFromIdentity(
  identity: VerifiedIdentity,
  input: { name: string; email: string },
  locale: "sv" | "en",
) {
  // The same identity confirmed twice at once (a double click) makes one account: the second
  // waits for the first and finds its account.
  return withLock(`new-account:${identity.issuer}|${identity.subject}`, async () => {
    const existing = await userWithIdentity(identity.issuer, identity.subject);
    if (existing) return existing._id;
    const userId = await createUser({ ...identity, name: input.name }, input.email);
    try {
      await linkIdentity(userId, identity);
    } catch (error) {
      // Linked to another account meanwhile (through "link to my account"): no half-made account.
      await UserModel.deleteOne({ _id: userId });
      throw error;
    }
    if (!(identity.emailVerified && identity.email === input.email)) {
      await sendVerificationEmail({ _id: userId, email: input.email, name: input.name }, locale);
    }
    return userId;
  });
}

/**
 * "Mina inloggningar": the password (if any) and the linked identities, each with where it comes
 * from (the provider's host) and whether that provider still exists.
 */
export async function waysIn(userId: Types.ObjectId) {
  const user = await UserModel.findById(userId).select("+passwordHash externalIdentities").lean();
  const identities = user?.externalIdentities ?? [];
  const issuers = [...new Set(identities.map((i) => i.issuer))];
  const known = issuers.length
    ? new Set(
        (
          await IdentityProviderModel.find({ issuer: { $in: issuers } })
            .select("issuer")
            .lean()
        ).map((p) => p.issuer),
      )
    : new Set<string>();
  const hostOf = (issuer: string) => {
    try {
      return new URL(issuer).host;
    } catch {
      return issuer;
    }
  };
  return {
    password: Boolean(user?.passwordHash),
    identities: identities.map((i) => ({
      id: `${i.issuer}|${i.subject}`,
      label: i.label,
      where: hostOf(i.issuer),
      removed: !known.has(i.issuer),
      linkedAt: i.linkedAt,
    })),
  };
}

/** Unlinks an identity, never the last way in (no password and no other identity). */
export async function unlinkIdentity(userId: Types.ObjectId, id: string) {
  await withLock(`ways-in:${String(userId)}`, async () => {
    const ways = await waysIn(userId);
    const identity = ways.identities.find((i) => i.id === id);
    if (!identity) throw new AccountError("notLinked");
    if (!ways.password && ways.identities.length === 1) throw new AccountError("lastWayIn");
    const [issuer = "", subject = ""] = splitId(id);
    await pullMatching(UserModel, userId, "externalIdentities", (e) => e.issuer === issuer && e.subject === subject);
    await IdentityLinkModel.deleteOne({ _id: linkId(issuer, subject), userId });
  });
}

// Issuers are URLs (they contain no "|"), subjects may contain anything.
const splitId = (id: string) => {
  const at = id.indexOf("|");
  return [id.slice(0, at), id.slice(at + 1)];
};

/** Providers whose fresh authentication signing asks for, for one side of the agreement. */
export async function stepUpProvider(publicBodyId: Types.ObjectId, side: "organisation" | "staff") {
  const provider = await IdentityProviderModel.findOne({
    publicBodyId,
    audience: side,
    enabled: true,
    stepUpForSigning: true,
  })
    .select("label")
    .lean();
  return provider ? { id: String(provider._id), label: provider.label } : null;
}

/**
 * Gives every identity an account holds its link document (a database from before links were
 * kept apart): run at start-up, idempotent. An identity two accounts hold (possible before) stays
 * with the account that linked it first, and is logged.
 */
export async function backfillIdentityLinks(log: (holder: string, other: string, id: string) => void) {
  const users = await UserModel.find({ "externalIdentities.0": { $exists: true } })
    .select("externalIdentities")
    .lean();
  const links = await IdentityLinkModel.find().lean();
  const holders = new Map(links.map((l) => [l._id, l.userId]));
  const held = users.flatMap((u) => u.externalIdentities.map((e) => ({ userId: u._id, ...e })));
  held.sort((a, b) => a.linkedAt.getTime() - b.linkedAt.getTime());
  for (const e of held) {
    const _id = linkId(e.issuer, e.subject);
    const holder = holders.get(_id);
    if (holder) {
      if (!holder.equals(e.userId)) log(String(holder), String(e.userId), _id);
      continue;
    }
    holders.set(_id, e.userId);
    try {
      await IdentityLinkModel.create({ _id, userId: e.userId, linkedAt: e.linkedAt });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const holder = await IdentityLinkModel.findById(_id).lean();
      if (holder && !holder.userId.equals(e.userId)) log(String(holder.userId), String(e.userId), _id);
    }
  }
}
