import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { createInvitation } from "@/lib/domain/users/create-invitation";
import { acceptInvitation, findOpenInvitation } from "@/lib/domain/users/accept-invitation";
import { authenticate } from "@/lib/domain/auth/authenticate";
import { verifyPassword } from "@/lib/crypto/password";
import { hashToken } from "@/lib/crypto/tokens";
import { createActor, createAgencyWithClients, expectAppError, uniqueEmail, uniqueIp } from "../setup/factories";

type World = Awaited<ReturnType<typeof createAgencyWithClients>>;
let world: World;
let other: World;
let admin: Awaited<ReturnType<typeof createActor>>;

const NEW_PASSWORD = "a new long password 42";

beforeAll(async () => {
  [world, other] = await Promise.all([createAgencyWithClients("Invite"), createAgencyWithClients("InviteOther")]);
  admin = await createActor(world.agency.id, { role: "ADM" });
});

/** The token of the link in the last e-mail to the address, e.g. http://tikit.test/invite/<token>. */
async function tokenFromEmail(email: string) {
  const message = await db.emailMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  const match = message.text.match(/\/invite\/([A-Za-z0-9_-]+)/);
  expect(match, `no invitation link in: ${message.text}`).not.toBeNull();
  return { token: match![1], message };
}

async function counts() {
  const agencyId = world.agency.id;
  const [invitations, emails, audits, users] = await Promise.all([
    db.invitation.count({ where: { agencyId } }),
    db.emailMessage.count({ where: { agencyId } }),
    db.auditLog.count({ where: { agencyId } }),
    db.user.count({ where: { agencyId } }),
  ]);
  return { invitations, emails, audits, users };
}

describe("createInvitation", () => {
  test("stores only a hash of the token and an e-mail with the link", async () => {
    const email = uniqueEmail("invitee");
    const result = await createInvitation(admin.ctx, { email: email.toUpperCase(), name: "Ivy Invitee", role: "CM" });
    expect(result.email).toBe(email);
    expect(result.expiresAt.getTime() - Date.now()).toBeGreaterThan(71 * 3600 * 1000);

    const { token, message } = await tokenFromEmail(email);
    expect(message).toMatchObject({ agencyId: world.agency.id, status: "STORED" });
    expect(message.text).toContain(`http://tikit.test/invite/${token}`);
    const invitation = await db.invitation.findUniqueOrThrow({ where: { id: result.id } });
    expect(invitation).toMatchObject({
      agencyId: world.agency.id,
      email,
      role: "CM",
      scopeType: "AGENCY",
      scopeId: null,
      invitedById: admin.user.id,
      acceptedAt: null,
    });
    expect(invitation.tokenHash).toBe(hashToken(token));
    expect(invitation.tokenHash).not.toContain(token);
    expect(
      await db.auditLog.count({
        where: { agencyId: world.agency.id, action: "invitation.create", recordId: result.id },
      }),
    ).toBe(1);
    await expect(findOpenInvitation(token)).resolves.toMatchObject({ email, role: "CM" });
  });

  test("a user without user.manage is refused, and nothing is written", async () => {
    const before = await counts();
    await expectAppError(
      createInvitation(world.manager.ctx, { email: uniqueEmail("x"), name: "X", role: "CM" }),
      "FORBIDDEN",
    );
    await expectAppError(
      createInvitation(world.director.ctx, { email: uniqueEmail("x"), name: "X", role: "ADM" }),
      "FORBIDDEN",
    );
    expect(await counts()).toEqual(before);
  });

  test.each([
    ["email", { email: "not-an-email", name: "X", role: "CM" }, "Enter a valid e-mail address"],
    ["name", { email: "ok@example.com", name: "  ", role: "CM" }, "Enter the person's name"],
    ["role", { email: "ok@example.com", name: "X", role: "ROOT" }, "Choose a role"],
    [
      "scopeType",
      { email: "ok@example.com", name: "X", role: "CLIENT" },
      "A client user must be scoped to their client",
    ],
    [
      "scopeId",
      { email: "ok@example.com", name: "X", role: "CLIENT", scopeType: "CLIENT" },
      "Choose what the role is scoped to",
    ],
  ])("bad %s: VALIDATION_FAILED naming the field, nothing written", async (field, input, message) => {
    const before = await counts();
    const error = await expectAppError(
      createInvitation(admin.ctx, input as Parameters<typeof createInvitation>[1]),
      "VALIDATION_FAILED",
    );
    expect(error.fields).toHaveProperty([field], message);
    expect(await counts()).toEqual(before);
  });

  test("a client scope must be a client of the caller's agency", async () => {
    const before = await counts();
    const error = await expectAppError(
      createInvitation(admin.ctx, {
        email: uniqueEmail("c"),
        name: "C",
        role: "CLIENT",
        scopeType: "CLIENT",
        scopeId: other.clientOne.id,
      }),
      "VALIDATION_FAILED",
    );
    expect(error.fields).toEqual({ scopeId: "Client not found" });
    expect(await counts()).toEqual(before);
  });

  test("an address that already has an account is a conflict", async () => {
    const before = await counts();
    await expectAppError(
      createInvitation(admin.ctx, { email: world.manager.user.email, name: "Again", role: "CM" }),
      "CONFLICT",
    );
    expect(await counts()).toEqual(before);
  });
});

describe("acceptInvitation", () => {
  test("creates the user with an argon2id hash and the invited role; the token works once", async () => {
    const email = uniqueEmail("joiner");
    await createInvitation(admin.ctx, {
      email,
      name: "Jo Iner",
      role: "CLIENT",
      scopeType: "CLIENT",
      scopeId: world.clientOne.id,
    });
    const { token } = await tokenFromEmail(email);

    await expect(
      acceptInvitation(
        { token, name: "Jo Joiner", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
        { ip: "10.0.0.1" },
      ),
    ).resolves.toEqual({ email });

    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { roleAssignments: true } });
    expect(user).toMatchObject({ agencyId: world.agency.id, name: "Jo Joiner", status: "ACTIVE", mfaSecret: null });
    expect(user.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(user.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(user.passwordHash, "something else")).toBe(false);
    expect(user.roleAssignments).toEqual([
      expect.objectContaining({
        agencyId: world.agency.id,
        role: "CLIENT",
        scopeType: "CLIENT",
        scopeId: world.clientOne.id,
      }),
    ]);
    expect(await db.invitation.count({ where: { email, acceptedAt: { not: null } } })).toBe(1);
    expect(
      await db.auditLog.count({ where: { agencyId: world.agency.id, action: "invitation.accept", recordId: user.id } }),
    ).toBe(1);

    // The same link a second time: refused, no second account, nothing changed.
    const before = await counts();
    await expectAppError(
      acceptInvitation({ token, name: "Again", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, { ip: null }),
      "NOT_FOUND",
    );
    expect(await counts()).toEqual(before);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).name).toBe("Jo Joiner");
    await expect(findOpenInvitation(token)).resolves.toBeNull();

    // The new account signs in.
    await expect(authenticate({ email, password: NEW_PASSWORD }, { ip: uniqueIp() })).resolves.toMatchObject({
      status: "ok",
      userId: user.id,
    });
  });

  test("an expired invitation is refused and creates nobody", async () => {
    const email = uniqueEmail("late");
    const created = await createInvitation(admin.ctx, { email, name: "Late", role: "CM" });
    const { token } = await tokenFromEmail(email);
    await db.invitation.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const before = await counts();
    await expectAppError(
      acceptInvitation({ token, name: "Late", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }, { ip: null }),
      "NOT_FOUND",
    );
    expect(await counts()).toEqual(before);
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: created.id } })).acceptedAt).toBeNull();
  });

  test("a newer invitation to the same address replaces the open one", async () => {
    const email = uniqueEmail("twice");
    await createInvitation(admin.ctx, { email, name: "Twice", role: "CM" });
    const { token: first } = await tokenFromEmail(email);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await createInvitation(admin.ctx, { email, name: "Twice", role: "FIN" });
    const { token: second } = await tokenFromEmail(email);
    expect(second).not.toBe(first);
    await expectAppError(
      acceptInvitation(
        { token: first, name: "T", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
        { ip: null },
      ),
      "NOT_FOUND",
    );
    await acceptInvitation(
      { token: second, name: "T", password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
      { ip: null },
    );
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { roleAssignments: true } });
    expect(user.roleAssignments.map((r) => r.role)).toEqual(["FIN"]);
  });

  test("bad input names the field and uses nothing up", async () => {
    const email = uniqueEmail("weak");
    await createInvitation(admin.ctx, { email, name: "Weak", role: "CM" });
    const { token } = await tokenFromEmail(email);
    const short = await expectAppError(
      acceptInvitation({ token, name: "W", password: "short", confirmPassword: "short" }, { ip: null }),
      "VALIDATION_FAILED",
    );
    expect(short.fields).toHaveProperty("password", "Use at least 12 characters");
    const mismatch = await expectAppError(
      acceptInvitation({ token, name: "W", password: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}!` }, { ip: null }),
      "VALIDATION_FAILED",
    );
    expect(mismatch.fields).toEqual({ confirmPassword: "The passwords do not match" });
    expect(await db.user.count({ where: { email } })).toBe(0);
    await expect(findOpenInvitation(token)).resolves.not.toBeNull();
  });
});
