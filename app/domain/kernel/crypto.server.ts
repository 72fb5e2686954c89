import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { getEnv } from "./env.server";

export const randomToken = () => randomBytes(32).toString("base64url");
export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

// @node-rs/argon2 defaults to Argon2id with OWASP-recommended memory and time costs.
export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(passwordHash: string | undefined, password: string) {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against a fixed hash when the account is missing keeps the timing the same,
// so response time does not tell which emails have accounts.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string) {
  dummyHash ??= hash("samverka-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}

// Keys for data at rest, derived from DATA_SECRET (or else the last, oldest, session secret,
// which a rotation keeps last until DATA_SECRET is set): one per purpose, so a key for one use
// can never be used for another.
const keyFor = (purpose: string) => {
  const env = getEnv();
  return Buffer.from(hkdfSync("sha256", env.DATA_SECRET ?? env.SESSION_SECRETS.at(-1)!, "samverka", purpose, 32));
};

/** Encrypts a secret to store (AES-256-GCM): `iv.tag.ciphertext`, base64url. */
export function seal(plain: string, purpose: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(purpose), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
}

export function unseal(sealed: string, purpose: string) {
  const [iv, tag, body] = sealed.split(".").map((p) => Buffer.from(p, "base64url"));
  const decipher = createDecipheriv("aes-256-gcm", keyFor(purpose), iv!);
  decipher.setAuthTag(tag!);
  return Buffer.concat([decipher.update(body!), decipher.final()]).toString("utf8");
}

/** A keyed hash (HMAC-SHA256): equal inputs match, but the value cannot be guessed back from it. */
export const keyedHash = (value: string, purpose: string) =>
  createHmac("sha256", keyFor(purpose)).update(value).digest("base64url");

/**
 * An ETag from the bytes. Weak (`W/`): the same file is sent compressed or not, and a strong
 * tag must differ between those (RFC 9110, 8.8.3); a weak one names the content either way.
 */
export const contentEtag = (body: string | Buffer) =>
  `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
