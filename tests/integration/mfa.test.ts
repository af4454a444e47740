import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { authenticate } from "@/lib/domain/auth/authenticate";
import { completeMfaEnrolment, getMfaEnrolment } from "@/lib/domain/auth/complete-mfa-enrolment";
import { consumeLoginTicket } from "@/lib/domain/auth/consume-login-ticket";
import { decrypt } from "@/lib/crypto/encryption";
import { hashToken } from "@/lib/crypto/tokens";
import { currentTotp, newTotpSecret, verifyTotp } from "@/lib/crypto/totp";
import { createAgency, createUser, expectAppError, PASSWORD, uniqueIp } from "../setup/factories";

let agencyId: string;

beforeAll(async () => {
  agencyId = (await createAgency("Mfa")).id;
});

/** A six-digit code that the secret does not accept now (nor one step either side). */
function wrongCode(secret: string): string {
  for (let n = 0; ; n++) {
    const code = String((Number(currentTotp(secret)) + 1 + n * 7919) % 1_000_000).padStart(6, "0");
    if (!verifyTotp(secret, code)) return code;
  }
}

describe("sign-in of a user with MFA", () => {
  test("without a code: mfa_required and no ticket; with the right code: ok", async () => {
    const secret = newTotpSecret();
    const user = await createUser(agencyId, { role: "DIR", mfaSecret: secret });
    const ip = uniqueIp();

    await expect(authenticate({ email: user.email, password: PASSWORD }, { ip })).resolves.toEqual({
      status: "mfa_required",
    });
    await expect(authenticate({ email: user.email, password: PASSWORD, code: "" }, { ip })).resolves.toEqual({
      status: "mfa_required",
    });
    expect(await db.authToken.count({ where: { userId: user.id } })).toBe(0);

    const result = await authenticate({ email: user.email, password: PASSWORD, code: currentTotp(secret) }, { ip });
    expect(result).toMatchObject({ status: "ok", userId: user.id, ticket: expect.any(String) });
    const ticket = (result as { ticket: string }).ticket;
    const stored = await db.authToken.findUniqueOrThrow({ where: { tokenHash: hashToken(ticket) } });
    expect(stored).toMatchObject({ userId: user.id, type: "LOGIN_TICKET", usedAt: null });
    expect(stored.tokenHash).not.toBe(ticket);
  });

  test("a wrong code is refused, counts as a failure, and hands out nothing", async () => {
    const secret = newTotpSecret();
    const user = await createUser(agencyId, { role: "FIN", mfaSecret: secret });
    const error = await expectAppError(
      authenticate({ email: user.email, password: PASSWORD, code: wrongCode(secret) }, { ip: uniqueIp() }),
      "UNAUTHENTICATED",
    );
    expect(error.fields).toEqual({ code: "The code is wrong or has expired" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(1);
    expect(await db.authToken.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { agencyId, recordId: user.id, action: "auth.mfa.failed" } })).toBe(1);
  });

  test("a right code with a wrong password is still a wrong password", async () => {
    const secret = newTotpSecret();
    const user = await createUser(agencyId, { role: "ADM", mfaSecret: secret });
    const error = await expectAppError(
      authenticate({ email: user.email, password: "wrong", code: currentTotp(secret) }, { ip: uniqueIp() }),
      "UNAUTHENTICATED",
    );
    expect(error.message).toBe("The e-mail or password is wrong");
  });
});

describe("users whose permissions require MFA must enrol", () => {
  test.each(["DIR", "FIN", "ADM"] as const)(
    "%s without MFA: mfa_enrolment_required, then enrolment enables MFA and signs in",
    async (role) => {
      const user = await createUser(agencyId, { role });
      const ip = uniqueIp();
      const result = await authenticate({ email: user.email, password: PASSWORD }, { ip });
      expect(result.status).toBe("mfa_enrolment_required");
      const { enrolmentToken } = result as { enrolmentToken: string };
      expect(await db.authToken.count({ where: { userId: user.id, type: "LOGIN_TICKET" } })).toBe(0);

      const enrolment = await getMfaEnrolment(enrolmentToken);
      expect(enrolment.email).toBe(user.email);
      expect(enrolment.uri).toContain(`secret=${enrolment.secret}`);

      // A wrong first code enables nothing.
      await expectAppError(
        completeMfaEnrolment({ token: enrolmentToken, code: wrongCode(enrolment.secret) }, { ip }),
        "VALIDATION_FAILED",
      );
      expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).mfaEnabledAt).toBeNull();

      const done = await completeMfaEnrolment({ token: enrolmentToken, code: currentTotp(enrolment.secret) }, { ip });
      expect(done).toMatchObject({ userId: user.id, ticket: expect.any(String) });
      const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
      expect(after.mfaEnabledAt).not.toBeNull();
      expect(after.mfaSecret).not.toBeNull();
      expect(after.mfaSecret).not.toContain(enrolment.secret);
      expect(decrypt(after.mfaSecret!)).toBe(enrolment.secret);
      expect(await db.auditLog.count({ where: { agencyId, recordId: user.id, action: "auth.mfa.enrolled" } })).toBe(1);

      // The ticket signs in; the enrolment link is spent.
      await expect(consumeLoginTicket({ ticket: done.ticket, ip, userAgent: "vitest" })).resolves.toMatchObject({
        userId: user.id,
      });
      await expectAppError(
        completeMfaEnrolment({ token: enrolmentToken, code: currentTotp(enrolment.secret) }, { ip }),
        "NOT_FOUND",
      );
      // From now on the user signs in with a code.
      await expect(authenticate({ email: user.email, password: PASSWORD }, { ip })).resolves.toEqual({
        status: "mfa_required",
      });
    },
  );

  test.each(["CM", "CLIENT", "INF"] as const)("%s without MFA signs in directly (twin)", async (role) => {
    const scope =
      role === "CLIENT"
        ? {
            scopeType: "CLIENT" as const,
            scopeId: (await db.client.create({ data: { agencyId, name: `Mfa client ${role}` } })).id,
          }
        : {};
    const user = await createUser(agencyId, { role, ...scope });
    await expect(authenticate({ email: user.email, password: PASSWORD }, { ip: uniqueIp() })).resolves.toMatchObject({
      status: "ok",
    });
  });
});

describe("consumeLoginTicket", () => {
  test("redeems a ticket once for one Session row", async () => {
    const user = await createUser(agencyId, { role: "CM" });
    const ip = uniqueIp();
    const result = await authenticate({ email: user.email, password: PASSWORD }, { ip });
    const { ticket } = result as { ticket: string };

    const session = await consumeLoginTicket({ ticket, ip, userAgent: "vitest browser" });
    expect(session).toMatchObject({
      userId: user.id,
      email: user.email,
      name: user.name,
      sessionId: expect.any(String),
    });
    const row = await db.session.findUniqueOrThrow({ where: { id: session!.sessionId } });
    expect(row).toMatchObject({ userId: user.id, agencyId, ip, userAgent: "vitest browser", revokedAt: null });
    expect(row.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);

    await expect(consumeLoginTicket({ ticket, ip, userAgent: "vitest browser" })).resolves.toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  test("two redeemers at once: exactly one session", async () => {
    const user = await createUser(agencyId, { role: "CM" });
    const { ticket } = (await authenticate({ email: user.email, password: PASSWORD }, { ip: uniqueIp() })) as {
      ticket: string;
    };
    const results = await Promise.all(
      [1, 2, 3].map(() => consumeLoginTicket({ ticket, ip: null, userAgent: null }).catch(() => null)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  test("an expired or unknown ticket gives nothing", async () => {
    const user = await createUser(agencyId, { role: "CM" });
    const { ticket } = (await authenticate({ email: user.email, password: PASSWORD }, { ip: uniqueIp() })) as {
      ticket: string;
    };
    await db.authToken.update({
      where: { tokenHash: hashToken(ticket) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await expect(consumeLoginTicket({ ticket, ip: null, userAgent: null })).resolves.toBeNull();
    await expect(consumeLoginTicket({ ticket: "not-a-ticket", ip: null, userAgent: null })).resolves.toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });
});
