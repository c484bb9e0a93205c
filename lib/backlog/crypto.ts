/**
 * Tracker credentials at rest: AES-256-GCM (node:crypto) with a random 96-bit IV per value and the
 * team's id as additional authenticated data, so a ciphertext copied onto another team's row does
 * not decrypt. The key is DEBRIEF_ENCRYPTION_KEY (32 bytes, base64); `npm start` without it keeps
 * a generated one in the data folder (lib/server/prepare.ts).
 *
 * Stored form: `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url parts). The key id (a hash prefix
 * of the key) turns "encrypted with another key" into a clear message instead of a bare failure.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "../env";

const VERSION = "v1";

export class EncryptionKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EncryptionKeyError";
  }
}

/** Decodes a 32-byte key given as base64 or base64url; throws a message naming the variable. */
export function parseEncryptionKey(value: string | undefined): Buffer {
  if (!value) throw new EncryptionKeyError("DEBRIEF_ENCRYPTION_KEY is not set: tracker credentials cannot be encrypted or read. Set it to 32 random bytes in base64 (openssl rand -base64 32).");
  const key = Buffer.from(value.trim().replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (key.length !== 32) throw new EncryptionKeyError(`DEBRIEF_ENCRYPTION_KEY must be 32 bytes in base64 (openssl rand -base64 32); it decodes to ${key.length} bytes.`);
  return key;
}

function currentKey(): Buffer {
  return parseEncryptionKey(env().DEBRIEF_ENCRYPTION_KEY ?? process.env.DEBRIEF_ENCRYPTION_KEY);
}

const keyId = (key: Buffer) => createHash("sha256").update(key).digest("base64url").slice(0, 8);

/** Encrypts `plaintext` for the record identified by `context` (e.g. the team id). */
export function encryptSecret(plaintext: string, context: string, key: Buffer = currentKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, keyId(key), iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

/** Decrypts a value written by encryptSecret for the same `context`; throws on any tampering. */
export function decryptSecret(stored: string, context: string, key: Buffer = currentKey()): string {
  const [version, kid, iv, tag, data] = stored.split(".");
  if (version !== VERSION || !kid || !iv || !tag || data === undefined) throw new EncryptionKeyError("The stored credentials are not in a format this version of Debrief reads.");
  if (kid !== keyId(key)) {
    throw new EncryptionKeyError("The tracker credentials were encrypted with a different DEBRIEF_ENCRYPTION_KEY. Restore that key, or connect the tracker again.");
  }
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  try {
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new EncryptionKeyError("The stored tracker credentials could not be decrypted (they were changed, or belong to another team).");
  }
}

/** Encrypts a JSON value. */
export function encryptJson(value: unknown, context: string): string {
  return encryptSecret(JSON.stringify(value), context);
}

/** Decrypts a JSON value written by encryptJson. */
export function decryptJson<T>(stored: string, context: string): T {
  return JSON.parse(decryptSecret(stored, context)) as T;
}
