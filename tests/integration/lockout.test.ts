import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { authenticate } from "@/lib/domain/auth/authenticate";
import {
  LOCK_MINUTES,
  MAX_FAILED_LOGINS,
  MAX_FAILURES_PER_EMAIL,
  MAX_FAILURES_PER_IP,
} from "@/lib/domain/auth/constants";
import { createAgency, createUser, expectAppError, PASSWORD, uniqueEmail, uniqueIp } from "../setup/factories";

let agencyId: string;

beforeAll(async () => {
  agencyId = (await createAgency("Lockout")).id;
});

test("the rules under test are the documented ones", () => {
  expect(MAX_FAILED_LOGINS).toBe(5);
  expect(LOCK_MINUTES).toBe(15);
  expect(MAX_FAILURES_PER_EMAIL).toBe(10);
});

describe("lockout after five failed sign-ins", () => {
  test("five wrong passwords lock the account for 15 minutes; the right one is refused during the lock", async () => {
    const user = await createUser(agencyId, { role: "CM" });
    const ip = uniqueIp();
    for (let attempt = 1; attempt < MAX_FAILED_LOGINS; attempt++) {
      const error = await expectAppError(
        authenticate({ email: user.email, password: "wrong password" }, { ip }),
        "UNAUTHENTICATED",
      );
      expect(error.message).toBe("The e-mail or password is wrong");
      expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(attempt);
    }
    const fifth = await expectAppError(
      authenticate({ email: user.email, password: "wrong password" }, { ip }),
      "ACCOUNT_LOCKED",
    );
    expect(fifth.retryAfterSeconds).toBe(LOCK_MINUTES * 60);

    const locked = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(locked.lockedUntil).not.toBeNull();
    const expected = Date.now() + LOCK_MINUTES * 60_000;
    expect(Math.abs(locked.lockedUntil!.getTime() - expected)).toBeLessThan(60_000);

    const audits = await db.auditLog.findMany({ where: { agencyId, recordId: user.id }, select: { action: true } });
    expect(audits.filter((a) => a.action === "auth.login.failed")).toHaveLength(MAX_FAILED_LOGINS);
    expect(audits.filter((a) => a.action === "auth.locked")).toHaveLength(1);

    // The right password does not open a locked account, and hands out no ticket.
    const tickets = await db.authToken.count({ where: { userId: user.id } });
    const during = await expectAppError(
      authenticate({ email: user.email, password: PASSWORD }, { ip }),
      "ACCOUNT_LOCKED",
    );
    expect(during.message).toMatch(/locked/);
    expect(await db.authToken.count({ where: { userId: user.id } })).toBe(tickets);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).toBeNull();
  });

  test("after the lock expires the right password works and resets the counter", async () => {
    const user = await createUser(agencyId, { role: "CM" });
    const ip = uniqueIp();
    for (let attempt = 1; attempt <= MAX_FAILED_LOGINS; attempt++) {
      await authenticate({ email: user.email, password: "wrong password" }, { ip }).catch(() => undefined);
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil!.getTime()).toBeGreaterThan(
      Date.now(),
    );

    await db.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    // One more failure after the lock counts from zero again...
    await expectAppError(authenticate({ email: user.email, password: "still wrong" }, { ip }), "UNAUTHENTICATED");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(1);

    // ...and the right password signs in and clears count and lock.
    const result = await authenticate({ email: user.email, password: PASSWORD }, { ip });
    expect(result.status).toBe("ok");
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.failedLoginCount).toBe(0);
    expect(after.lockedUntil).toBeNull();
    expect(after.lastLoginAt).not.toBeNull();
  });

  test("a wrong password below the limit, then the right one: signed in, counter back to zero", async () => {
    const user = await createUser(agencyId, { role: "CM" });
    const ip = uniqueIp();
    await expectAppError(authenticate({ email: user.email, password: "wrong password" }, { ip }), "UNAUTHENTICATED");
    await expectAppError(authenticate({ email: user.email, password: "wrong password" }, { ip }), "UNAUTHENTICATED");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(2);
    await expect(authenticate({ email: user.email.toUpperCase(), password: PASSWORD }, { ip })).resolves.toMatchObject({
      status: "ok",
      userId: user.id,
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).failedLoginCount).toBe(0);
  });

  test("a disabled user is refused like an unknown one, even with the right password", async () => {
    const user = await createUser(agencyId, { role: "CM" });
    await db.user.update({ where: { id: user.id }, data: { status: "DISABLED" } });
    const error = await expectAppError(
      authenticate({ email: user.email, password: PASSWORD }, { ip: uniqueIp() }),
      "UNAUTHENTICATED",
    );
    expect(error.message).toBe("The e-mail or password is wrong");
  });
});

describe("rate limits", () => {
  test("ten failures for an unknown e-mail, then RATE_LIMITED even from another IP", async () => {
    const email = uniqueEmail("nobody");
    // An unknown address answers exactly as an account would: wrong, then locked from the fifth failure on.
    for (let attempt = 1; attempt <= MAX_FAILURES_PER_EMAIL; attempt++) {
      const error = await expectAppError(
        authenticate({ email, password: "guess" }, { ip: uniqueIp() }),
        attempt < MAX_FAILED_LOGINS ? "UNAUTHENTICATED" : "ACCOUNT_LOCKED",
      );
      if (attempt === MAX_FAILED_LOGINS) expect(error.message).toMatch(/now locked for 15 minutes/);
      if (attempt > MAX_FAILED_LOGINS)
        expect(error.message).toMatch(/locked after 5 failed sign-ins\. Try again in 1[45] minutes/);
    }
    expect(await db.loginAttempt.count({ where: { email, success: false } })).toBe(MAX_FAILURES_PER_EMAIL);
    const limited = await expectAppError(
      authenticate({ email, password: "guess" }, { ip: uniqueIp() }),
      "RATE_LIMITED",
    );
    expect(limited.retryAfterSeconds).toBeGreaterThan(0);
    // A refused attempt is not even counted.
    expect(await db.loginAttempt.count({ where: { email } })).toBe(MAX_FAILURES_PER_EMAIL);
    // Twin: another unknown e-mail is still answered normally.
    await expectAppError(
      authenticate({ email: uniqueEmail("nobody"), password: "guess" }, { ip: uniqueIp() }),
      "UNAUTHENTICATED",
    );
  });

  test(`${MAX_FAILURES_PER_IP} failures from one IP, then RATE_LIMITED for any e-mail from it`, async () => {
    const ip = uniqueIp();
    for (let attempt = 1; attempt <= MAX_FAILURES_PER_IP; attempt++) {
      await expectAppError(authenticate({ email: uniqueEmail("spray"), password: "guess" }, { ip }), "UNAUTHENTICATED");
    }
    const user = await createUser(agencyId, { role: "CM" });
    await expectAppError(authenticate({ email: user.email, password: PASSWORD }, { ip }), "RATE_LIMITED");
    // Twin: the same user from another IP signs in.
    await expect(authenticate({ email: user.email, password: PASSWORD }, { ip: uniqueIp() })).resolves.toMatchObject({
      status: "ok",
    });
  });
});
