import * as OTPAuth from "otpauth";
import { afterEach, describe, expect, test, vi } from "vitest";
import { currentTotp, newTotpSecret, totpUri, verifyTotp } from "@/lib/crypto/totp";

// RFC 6238 appendix B: the SHA-1 test secret "12345678901234567890" at T = 59 s gives 94287082 (8 digits),
// so the 6-digit code is 287082.
const RFC_SECRET = OTPAuth.Secret.fromUTF8("12345678901234567890").base32;

afterEach(() => {
  vi.useRealTimers();
});

describe("TOTP", () => {
  test("matches the RFC 6238 test vector", () => {
    vi.useFakeTimers({ now: 59_000 });
    expect(currentTotp(RFC_SECRET)).toBe("287082");
    expect(verifyTotp(RFC_SECRET, "287082")).toBe(true);
  });

  test("accepts the current code, with spaces, and one step of clock drift either side", () => {
    const secret = newTotpSecret();
    vi.useFakeTimers({ now: new Date("2026-03-01T12:00:10Z") });
    const code = currentTotp(secret);
    expect(verifyTotp(secret, code)).toBe(true);
    expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`)).toBe(true);
    vi.setSystemTime(new Date("2026-03-01T12:00:40Z"));
    expect(verifyTotp(secret, code), "one step later").toBe(true);
    vi.setSystemTime(new Date("2026-03-01T11:59:40Z"));
    expect(verifyTotp(secret, code), "one step earlier").toBe(true);
  });

  test("refuses a code two steps away, from another secret, or not six digits", () => {
    const secret = newTotpSecret();
    vi.useFakeTimers({ now: new Date("2026-03-01T12:00:10Z") });
    const code = currentTotp(secret);
    vi.setSystemTime(new Date("2026-03-01T12:01:10Z"));
    expect(verifyTotp(secret, code)).toBe(false);
    vi.setSystemTime(new Date("2026-03-01T12:00:10Z"));
    const other = newTotpSecret();
    const otherCode = currentTotp(other);
    if (otherCode !== code) expect(verifyTotp(secret, otherCode)).toBe(false);
    expect(verifyTotp(secret, "12345")).toBe(false);
    expect(verifyTotp(secret, "1234567")).toBe(false);
    expect(verifyTotp(secret, "abcdef")).toBe(false);
    expect(verifyTotp(secret, "")).toBe(false);
  });

  test("secrets are 160-bit base32 and the URI names issuer and account", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = totpUri(secret, "dana@example.com");
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain("issuer=TiKiT");
    expect(decodeURIComponent(uri)).toContain("dana@example.com");
  });
});
