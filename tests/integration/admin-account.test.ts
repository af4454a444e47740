import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { listSessions } from "@/lib/domain/auth/list-sessions";
import { unlockUser } from "@/lib/domain/users/unlock-user";
import { auditEntries, createActor, createAgency, createUser, expectAppError } from "../setup/factories";

let agencyId: string;
let otherAgencyId: string;

beforeAll(async () => {
  agencyId = (await createAgency("Unlock")).id;
  otherAgencyId = (await createAgency("Unlock Other")).id;
});

async function lockedUser(agency: string) {
  const user = await createUser(agency, { role: "CM" });
  return db.user.update({
    where: { id: user.id },
    data: { lockedUntil: new Date(Date.now() + 15 * 60_000), failedLoginCount: 5 },
  });
}

describe("unlockUser", () => {
  test("an admin lifts the lock; the failure count goes back to zero and the change is audited", async () => {
    const { ctx } = await createActor(agencyId, { role: "ADM", mfaSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP" });
    const user = await lockedUser(agencyId);
    await expect(unlockUser(ctx, { id: user.id })).resolves.toEqual({ id: user.id, email: user.email });
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.lockedUntil).toBeNull();
    expect(after.failedLoginCount).toBe(0);
    const entry = (await auditEntries(agencyId)).find((e) => e.action === "user.unlock" && e.recordId === user.id);
    expect(entry).toMatchObject({ model: "User", actorId: ctx.userId, display: user.email });
    expect(entry?.diff).toMatchObject({
      before: { failedLoginCount: 5 },
      after: { lockedUntil: null, failedLoginCount: 0 },
    });
  });

  test("a user of another agency does not exist for the caller, and stays locked", async () => {
    const { ctx } = await createActor(agencyId, { role: "ADM" });
    const stranger = await lockedUser(otherAgencyId);
    await expectAppError(unlockUser(ctx, { id: stranger.id }), "NOT_FOUND");
    expect((await db.user.findUniqueOrThrow({ where: { id: stranger.id } })).lockedUntil).not.toBeNull();
    expect((await auditEntries(otherAgencyId)).filter((e) => e.action === "user.unlock")).toHaveLength(0);
  });

  test("without user.manage it is refused (a director may see users but not unlock them)", async () => {
    const { ctx } = await createActor(agencyId, { role: "DIR" });
    const user = await lockedUser(agencyId);
    await expectAppError(unlockUser(ctx, { id: user.id }), "FORBIDDEN");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lockedUntil).not.toBeNull();
  });

  test("a malformed id is a validation error", async () => {
    const { ctx } = await createActor(agencyId, { role: "ADM" });
    await expectAppError(unlockUser(ctx, { id: "not-a-uuid" }), "VALIDATION_FAILED");
  });
});

describe("listSessions", () => {
  test("only the caller's own live sessions, the current one marked", async () => {
    const { user, ctx } = await createActor(agencyId, { role: "CM" });
    const other = await createUser(agencyId, { role: "CM" });
    const base = { agencyId, expiresAt: new Date(Date.now() + 86_400_000) };
    const current = await db.session.create({
      data: { ...base, userId: user.id, userAgent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/130" },
    });
    const second = await db.session.create({ data: { ...base, userId: user.id } });
    await db.session.create({ data: { ...base, userId: user.id, revokedAt: new Date() } });
    await db.session.create({ data: { ...base, userId: user.id, expiresAt: new Date(Date.now() - 1000) } });
    await db.session.create({ data: { ...base, userId: other.id } });
    const sessions = await listSessions({ ...ctx, sessionId: current.id });
    expect(sessions.map((s) => s.id).sort()).toEqual([current.id, second.id].sort());
    expect(sessions.find((s) => s.id === current.id)?.current).toBe(true);
    expect(sessions.find((s) => s.id === second.id)?.current).toBe(false);
  });

  test("a session row carrying another agency's id is not listed", async () => {
    const { user, ctx } = await createActor(agencyId, { role: "CM" });
    await db.session.create({
      data: { agencyId: otherAgencyId, userId: user.id, expiresAt: new Date(Date.now() + 86_400_000) },
    });
    expect(await listSessions(ctx)).toEqual([]);
  });
});
