import pg from "pg";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { loadSessionContext } from "@/lib/auth/context";
import { callerContextCacheStatus, forgetCallerContexts } from "@/lib/auth/context-cache";
import { can } from "@/lib/auth/permissions";
import { db, getPool } from "@/lib/db/client";
import { revokeSessions } from "@/lib/domain/auth/revoke-sessions";
import { setPermissionOverride } from "@/lib/domain/admin/set-permission-override";
import { createActor, createAgency, createUser } from "../setup/factories";

// The caller's context is kept in memory between requests while the process listens for changes
// (lib/auth/context-cache.ts). "Another process" here is a connection of its own that changes the rows
// directly, as another server process or an operator would: only the triggers' notifications tell us.

let agencyId: string;
let other: pg.Client;

beforeAll(async () => {
  agencyId = (await createAgency("Context cache")).id;
  other = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await other.connect();
});

afterAll(async () => {
  await other.end();
});

async function signedIn(role: "CM" | "DIR" | "ADM" = "CM") {
  const user = await createUser(agencyId, { role });
  const session = await db.session.create({
    data: { agencyId, userId: user.id, expiresAt: new Date(Date.now() + 60 * 60_000), ip: "127.0.0.1" },
  });
  return { user, sessionId: session.id };
}

async function until(check: () => Promise<boolean> | boolean, ms = 5_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Loads once, waits for the listener, loads again so the context is held; returns a query counter. */
async function held(sessionId: string) {
  await loadSessionContext(sessionId, null);
  await until(() => callerContextCacheStatus().listening);
  await loadSessionContext(sessionId, null);
  const spy = vi.spyOn(getPool(), "query");
  return {
    queries: () => spy.mock.calls.length,
    restore: () => spy.mockRestore(),
  };
}

describe("caller context cache", () => {
  test("a held context is served without a query, with the request's own ip", async () => {
    const { user, sessionId } = await signedIn();
    const counter = await held(sessionId);
    const ctx = await loadSessionContext(sessionId, "10.1.2.3");
    expect(counter.queries()).toBe(0);
    counter.restore();
    expect(ctx).toMatchObject({ userId: user.id, agencyId, sessionId, ip: "10.1.2.3" });
    expect((await loadSessionContext(sessionId, null))?.ip).toBeNull();
  });

  test("a session revoked by another process is refused as soon as the change is heard", async () => {
    const { sessionId } = await signedIn();
    const counter = await held(sessionId);
    expect(await loadSessionContext(sessionId, null)).not.toBeNull();
    expect(counter.queries()).toBe(0);
    counter.restore();
    const revokedAt = Date.now();
    await other.query(`UPDATE "Session" SET "revokedAt" = now() WHERE id = $1`, [sessionId]);
    await until(async () => (await loadSessionContext(sessionId, null)) === null);
    // Heard through the notification, far sooner than the entries' one-minute limit.
    expect(Date.now() - revokedAt).toBeLessThan(5_000);
    expect(await loadSessionContext(sessionId, null)).toBeNull();
  });

  test("a user disabled by another process is refused; a permission override changed elsewhere applies", async () => {
    const { user, sessionId } = await signedIn();
    const second = await signedIn();
    (await held(sessionId)).restore();
    (await held(second.sessionId)).restore();
    expect(can((await loadSessionContext(second.sessionId, null))!, "client.archive")).toBe(false);

    await other.query(`UPDATE "User" SET status = 'DISABLED' WHERE id = $1`, [user.id]);
    await until(async () => (await loadSessionContext(sessionId, null)) === null);

    await other.query(
      `INSERT INTO "PermissionOverride" (id, "agencyId", role, permission, allowed, "updatedAt") VALUES (gen_random_uuid(), $1, 'CM', 'client.archive', true, now())`,
      [agencyId],
    );
    await until(async () => can((await loadSessionContext(second.sessionId, null))!, "client.archive"));
    await other.query(
      `DELETE FROM "PermissionOverride" WHERE "agencyId" = $1 AND role = 'CM' AND permission = 'client.archive'`,
      [agencyId],
    );
    await until(async () => !can((await loadSessionContext(second.sessionId, null))!, "client.archive"));
  });

  test("a role given by another process applies; lastSeenAt writes do not drop the context", async () => {
    const { user, sessionId } = await signedIn();
    (await held(sessionId)).restore();
    expect(can((await loadSessionContext(sessionId, null))!, "finance.approve")).toBe(false);
    await other.query(`UPDATE "Session" SET "lastSeenAt" = now() WHERE id = $1`, [sessionId]);
    await other.query(
      `INSERT INTO "RoleAssignment" (id, "agencyId", "userId", role, "scopeType", "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'FIN', 'AGENCY', now())`,
      [agencyId, user.id],
    );
    await until(async () => can((await loadSessionContext(sessionId, null))!, "finance.approve"));
  });

  test("in this process, signing out and changing a permission apply to the very next request", async () => {
    const { sessionId } = await signedIn();
    const ctx = (await loadSessionContext(sessionId, null))!;
    (await held(sessionId)).restore();
    await revokeSessions(ctx, { everywhere: false });
    expect(await loadSessionContext(sessionId, null)).toBeNull();

    const admin = await createActor(agencyId, { role: "ADM" });
    const cm = await signedIn();
    (await held(cm.sessionId)).restore();
    expect(can((await loadSessionContext(cm.sessionId, null))!, "campaign.create")).toBe(true);
    await setPermissionOverride(admin.ctx, { role: "CM", permission: "campaign.create", allowed: false });
    expect(can((await loadSessionContext(cm.sessionId, null))!, "campaign.create")).toBe(false);
    await setPermissionOverride(admin.ctx, { role: "CM", permission: "campaign.create", allowed: null });
  });

  test("a load that was in flight when a change arrived is not kept", async () => {
    const { user, sessionId } = await signedIn();
    await loadSessionContext(sessionId, null);
    await until(() => callerContextCacheStatus().listening);
    forgetCallerContexts({ userId: user.id });
    const loading = loadSessionContext(sessionId, null);
    forgetCallerContexts({ userId: user.id });
    expect(await loading).not.toBeNull();
    const spy = vi.spyOn(getPool(), "query");
    await loadSessionContext(sessionId, null);
    expect(spy.mock.calls.length).toBe(1);
    spy.mockRestore();
  });

  test("while the listening connection is down nothing is held, and changes apply at once", async () => {
    const { sessionId } = await signedIn();
    (await held(sessionId)).restore();
    await other.query(`SELECT pg_terminate_backend($1)`, [callerContextCacheStatus().listenerPid]);
    await until(() => !callerContextCacheStatus().listening);
    expect(callerContextCacheStatus().size).toBe(0);
    const spy = vi.spyOn(getPool(), "query");
    expect(await loadSessionContext(sessionId, null)).not.toBeNull();
    expect(spy.mock.calls.length).toBe(1);
    spy.mockRestore();
    // It comes back by itself.
    await until(async () => {
      await loadSessionContext(sessionId, null);
      return callerContextCacheStatus().listening;
    });
  });
});
