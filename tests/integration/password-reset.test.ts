import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { requestPasswordReset } from "@/lib/domain/auth/request-password-reset";
import { checkPasswordResetToken, resetPassword } from "@/lib/domain/auth/reset-password";
import { authenticate } from "@/lib/domain/auth/authenticate";
import { verifyPassword } from "@/lib/crypto/password";
import { hashToken } from "@/lib/crypto/tokens";
import { createAgency, createUser, expectAppError, PASSWORD, uniqueEmail, uniqueIp } from "../setup/factories";

let agencyId: string;
const NEW_PASSWORD = "brand new password 2026";

beforeAll(async () => {
  agencyId = (await createAgency("Reset")).id;
});

async function resetTokenFor(email: string) {
  const message = await db.emailMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  const match = message.text.match(/\/reset-password\/([A-Za-z0-9_-]+)/);
  expect(match, `no reset link in: ${message.text}`).not.toBeNull();
  return match![1];
}

describe("requestPasswordReset", () => {
  test("an unknown e-mail gets the same answer and no e-mail, token or audit entry", async () => {
    const email = uniqueEmail("ghost");
    const known = await createUser(agencyId, { role: "CM" });
    const tokensBefore = await db.authToken.count({ where: { agencyId, type: "PASSWORD_RESET" } });
    const unknownAnswer = await requestPasswordReset({ email }, { ip: null });
    expect(await db.emailMessage.count({ where: { to: email } })).toBe(0);
    expect(await db.auditLog.count({ where: { display: email } })).toBe(0);
    expect(await db.authToken.count({ where: { agencyId, type: "PASSWORD_RESET" } })).toBe(tokensBefore);
    // The twin: a known address gets exactly the same answer (and, below, an e-mail).
    const knownAnswer = await requestPasswordReset({ email: known.email }, { ip: null });
    expect(unknownAnswer).toEqual(knownAnswer);
    expect(await db.emailMessage.count({ where: { to: known.email } })).toBe(1);
  });

  test("a known e-mail gets the same answer, a stored e-mail with a link, and a hashed token", async () => {
    const user = await createUser(agencyId, { role: "CM" });
    await expect(
      requestPasswordReset({ email: `  ${user.email.toUpperCase()} ` }, { ip: "10.1.1.1" }),
    ).resolves.toEqual({ sent: true });
    const message = await db.emailMessage.findFirstOrThrow({ where: { to: user.email } });
    expect(message).toMatchObject({ agencyId, status: "STORED", subject: "Reset your TiKiT password" });
    const token = await resetTokenFor(user.email);
    expect(message.text).toContain(`http://tikit.test/reset-password/${token}`);
    const stored = await db.authToken.findFirstOrThrow({ where: { userId: user.id, type: "PASSWORD_RESET" } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(await checkPasswordResetToken(token)).toBe(true);
  });

  test("a disabled user gets no e-mail", async () => {
    const user = await createUser(agencyId, { role: "CM" });
    await db.user.update({ where: { id: user.id }, data: { status: "DISABLED" } });
    await expect(requestPasswordReset({ email: user.email }, { ip: null })).resolves.toEqual({ sent: true });
    expect(await db.emailMessage.count({ where: { to: user.email } })).toBe(0);
  });
});

describe("resetPassword", () => {
  test("changes the hash, revokes sessions, lifts the lockout, and works once", async () => {
    const user = await createUser(agencyId, { role: "CM" });
    await db.user.update({
      where: { id: user.id },
      data: { failedLoginCount: 3, lockedUntil: new Date(Date.now() + 10 * 60_000) },
    });
    const far = new Date(Date.now() + 86_400_000);
    await db.session.createMany({
      data: [
        { agencyId, userId: user.id, expiresAt: far },
        { agencyId, userId: user.id, expiresAt: far },
      ],
    });
    await requestPasswordReset({ email: user.email }, { ip: null });
    const token = await resetTokenFor(user.email);

    await expect(
      resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, { ip: "10.2.2.2" }),
    ).resolves.toEqual({ email: user.email });

    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).not.toBe(user.passwordHash);
    expect(after.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(after.passwordHash, PASSWORD)).toBe(false);
    expect(after).toMatchObject({ failedLoginCount: 0, lockedUntil: null, passwordChangedAt: expect.any(Date) });
    expect(await db.session.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(2);
    expect(await db.auditLog.count({ where: { agencyId, recordId: user.id, action: "auth.password.reset" } })).toBe(1);

    // Once only: the same link again changes nothing.
    await expectAppError(
      resetPassword(
        { token, password: "yet another password!", confirmPassword: "yet another password!" },
        { ip: null },
      ),
      "NOT_FOUND",
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(after.passwordHash);
    expect(await checkPasswordResetToken(token)).toBe(false);

    // The new password signs in (the lock is gone), the old one does not.
    await expectAppError(
      authenticate({ email: user.email, password: PASSWORD }, { ip: uniqueIp() }),
      "UNAUTHENTICATED",
    );
    await expect(
      authenticate({ email: user.email, password: NEW_PASSWORD }, { ip: uniqueIp() }),
    ).resolves.toMatchObject({ status: "ok" });
  });

  test("using one link spends the user's other open reset links", async () => {
    const user = await createUser(agencyId, { role: "CM" });
    await requestPasswordReset({ email: user.email }, { ip: null });
    const first = await resetTokenFor(user.email);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await requestPasswordReset({ email: user.email }, { ip: null });
    const second = await resetTokenFor(user.email);
    expect(second).not.toBe(first);
    await resetPassword({ token: second, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, { ip: null });
    await expectAppError(
      resetPassword({ token: first, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, { ip: null }),
      "NOT_FOUND",
    );
  });

  test("an expired token is refused and the password stays", async () => {
    const user = await createUser(agencyId, { role: "CM" });
    await requestPasswordReset({ email: user.email }, { ip: null });
    const token = await resetTokenFor(user.email);
    await db.authToken.update({
      where: { tokenHash: hashToken(token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expectAppError(
      resetPassword({ token, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, { ip: null }),
      "NOT_FOUND",
    );
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(user.passwordHash);
    expect(after.passwordChangedAt).toBeNull();
    expect(await db.auditLog.count({ where: { agencyId, recordId: user.id, action: "auth.password.reset" } })).toBe(0);
  });

  test("a weak or mismatched password names the field and keeps the token usable", async () => {
    const user = await createUser(agencyId, { role: "CM" });
    await requestPasswordReset({ email: user.email }, { ip: null });
    const token = await resetTokenFor(user.email);
    const weak = await expectAppError(
      resetPassword({ token, password: "short", confirmPassword: "short" }, { ip: null }),
      "VALIDATION_FAILED",
    );
    expect(weak.fields).toHaveProperty("password", "Use at least 12 characters");
    const mismatch = await expectAppError(
      resetPassword({ token, password: NEW_PASSWORD, confirmPassword: "other password 123" }, { ip: null }),
      "VALIDATION_FAILED",
    );
    expect(mismatch.fields).toEqual({ confirmPassword: "The passwords do not match" });
    expect(await checkPasswordResetToken(token)).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);
  });
});
