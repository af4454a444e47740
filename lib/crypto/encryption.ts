import "server-only";
import crypto from "node:crypto";

// AES-256-GCM for secrets at rest (TOTP secrets now, the credential vault and payment details later).
// Keys come from ENCRYPTION_KEYS ("id:base64key,id:base64key", first is current) or ENCRYPTION_KEY
// (one base64 key, id "k1"). Each ciphertext names its key id, so rotation re-encrypts row by row.

type Key = { id: string; key: Buffer };

function loadKeys(): Key[] {
  const many = process.env.ENCRYPTION_KEYS;
  const raw = many ? many.split(",") : process.env.ENCRYPTION_KEY ? [`k1:${process.env.ENCRYPTION_KEY}`] : [];
  const keys = raw.map((entry) => {
    const [id, value] = entry.trim().split(":");
    const key = Buffer.from(value ?? "", "base64");
    if (!id || key.length !== 32) throw new Error(`Encryption key "${id}" must be 32 bytes in base64`);
    return { id, key };
  });
  if (keys.length === 0)
    throw new Error("ENCRYPTION_KEY is not set: start the app with `npm start`, which creates one");
  return keys;
}

export function encrypt(plaintext: string): string {
  const [current] = loadKeys();
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", current.key, iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [
    "v1",
    current.id,
    iv.toString("base64"),
    cipher.getAuthTag().toString("base64"),
    data.toString("base64"),
  ].join(":");
}

export function decrypt(payload: string): string {
  const [version, keyId, iv, tag, data] = payload.split(":");
  if (version !== "v1") throw new Error("Unknown ciphertext format");
  const key = loadKeys().find((k) => k.id === keyId);
  if (!key) throw new Error(`Encryption key "${keyId}" is not configured`);
  const decipher = crypto.createDecipheriv("aes-256-gcm", key.key, Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8");
}

/** True when the ciphertext is under an older key and should be re-encrypted. */
export function needsReencryption(payload: string): boolean {
  return payload.split(":")[1] !== loadKeys()[0].id;
}
