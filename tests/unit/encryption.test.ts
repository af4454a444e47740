import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { decrypt, encrypt, needsReencryption } from "@/lib/crypto/encryption";

const key = () => crypto.randomBytes(32).toString("base64");
let saved: { one?: string; many?: string };

beforeEach(() => {
  saved = { one: process.env.ENCRYPTION_KEY, many: process.env.ENCRYPTION_KEYS };
});

afterEach(() => {
  for (const [name, value] of [
    ["ENCRYPTION_KEY", saved.one],
    ["ENCRYPTION_KEYS", saved.many],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

describe("encryption (AES-256-GCM)", () => {
  test("round trip with ENCRYPTION_KEY, under key id k1, different ciphertext every time", () => {
    delete process.env.ENCRYPTION_KEYS;
    process.env.ENCRYPTION_KEY = key();
    const secret = "JBSWY3DPEHPK3PXP — ünïcödé 🔐";
    const a = encrypt(secret);
    const b = encrypt(secret);
    expect(a).not.toBe(b);
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(a.split(":").slice(0, 2)).toEqual(["v1", "k1"]);
    expect(decrypt(a)).toBe(secret);
    expect(decrypt(b)).toBe(secret);
    expect(needsReencryption(a)).toBe(false);
  });

  test("a changed ciphertext or tag is refused, not decrypted to garbage", () => {
    delete process.env.ENCRYPTION_KEYS;
    process.env.ENCRYPTION_KEY = key();
    const [version, id, iv, tag, data] = encrypt("top secret").split(":");
    const flipped = Buffer.from(data, "base64");
    flipped[0] ^= 0x01;
    expect(() => decrypt([version, id, iv, tag, flipped.toString("base64")].join(":"))).toThrow();
    const badTag = Buffer.from(tag, "base64");
    badTag[0] ^= 0x01;
    expect(() => decrypt([version, id, iv, badTag.toString("base64"), data].join(":"))).toThrow();
    expect(() => decrypt(["v2", id, iv, tag, data].join(":"))).toThrow(/Unknown ciphertext format/);
  });

  test("a different key cannot decrypt", () => {
    delete process.env.ENCRYPTION_KEYS;
    process.env.ENCRYPTION_KEY = key();
    const payload = encrypt("top secret");
    process.env.ENCRYPTION_KEY = key();
    expect(() => decrypt(payload)).toThrow();
  });

  test("key rotation: old ciphertexts still decrypt, are flagged, and re-encrypt under the new key", () => {
    const oldKey = key();
    const newKey = key();
    process.env.ENCRYPTION_KEYS = `old:${oldKey}`;
    const before = encrypt("payment details");
    expect(before.split(":")[1]).toBe("old");
    expect(needsReencryption(before)).toBe(false);

    process.env.ENCRYPTION_KEYS = `new:${newKey},old:${oldKey}`;
    expect(decrypt(before)).toBe("payment details");
    expect(needsReencryption(before)).toBe(true);
    const after = encrypt(decrypt(before));
    expect(after.split(":")[1]).toBe("new");
    expect(needsReencryption(after)).toBe(false);

    // Once every row is re-encrypted, the old key can go; what it alone could read is then unreadable.
    process.env.ENCRYPTION_KEYS = `new:${newKey}`;
    expect(decrypt(after)).toBe("payment details");
    expect(() => decrypt(before)).toThrow(/"old" is not configured/);
  });

  test("ENCRYPTION_KEYS wins over ENCRYPTION_KEY", () => {
    process.env.ENCRYPTION_KEY = key();
    process.env.ENCRYPTION_KEYS = `main:${key()}`;
    expect(encrypt("x").split(":")[1]).toBe("main");
  });

  test("missing or malformed keys are refused with a clear message", () => {
    delete process.env.ENCRYPTION_KEYS;
    delete process.env.ENCRYPTION_KEY;
    expect(() => encrypt("x")).toThrow(/ENCRYPTION_KEY is not set/);
    process.env.ENCRYPTION_KEY = crypto.randomBytes(16).toString("base64");
    expect(() => encrypt("x")).toThrow(/must be 32 bytes/);
    process.env.ENCRYPTION_KEYS = `k9:${crypto.randomBytes(31).toString("base64")}`;
    expect(() => encrypt("x")).toThrow(/"k9" must be 32 bytes/);
  });
});
