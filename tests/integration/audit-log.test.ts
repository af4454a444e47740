import pg from "pg";
import { beforeAll, describe, expect, inject, test } from "vitest";
import { db } from "@/lib/db/client";
import { createClient } from "@/lib/domain/clients/create-client";
import { updateClient } from "@/lib/domain/clients/update-client";
import { setClientArchived } from "@/lib/domain/clients/archive-client";
import { createContact, deleteContact, updateContact } from "@/lib/domain/clients/contacts";
import { getClientTimeline } from "@/lib/domain/clients/get-client-timeline";
import { createAgencyWithClients, expectAppError, uid } from "../setup/factories";

type World = Awaited<ReturnType<typeof createAgencyWithClients>>;
let world: World;

beforeAll(async () => {
  world = await createAgencyWithClients("Audit");
});

async function someEntry() {
  return db.auditLog.create({
    data: { agencyId: world.agency.id, action: "test.entry", model: "Test", recordId: uid(), display: "original" },
  });
}

describe("the database keeps the audit log append-only", () => {
  test("a raw UPDATE is refused and the entry is unchanged", async () => {
    const entry = await someEntry();
    await expect(
      db.$executeRawUnsafe(`UPDATE "AuditLog" SET "display" = 'tampered' WHERE "id" = $1::uuid`, entry.id),
    ).rejects.toThrow(/AuditLog is append-only: UPDATE is not allowed/);
    expect(await db.auditLog.findUniqueOrThrow({ where: { id: entry.id } })).toEqual(entry);
  });

  test("a raw DELETE is refused and the entry stays", async () => {
    const entry = await someEntry();
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditLog" WHERE "id" = $1::uuid`, entry.id)).rejects.toThrow(
      /AuditLog is append-only: DELETE is not allowed/,
    );
    expect(await db.auditLog.count({ where: { id: entry.id } })).toBe(1);
  });

  test("Prisma's own update and delete are refused the same way", async () => {
    const entry = await someEntry();
    await expect(db.auditLog.update({ where: { id: entry.id }, data: { display: "tampered" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.auditLog.deleteMany({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    expect(await db.auditLog.findUniqueOrThrow({ where: { id: entry.id } })).toEqual(entry);
  });

  test("TRUNCATE is refused", async () => {
    const entry = await someEntry();
    // As the owner: the app's role may not TRUNCATE at all (tests/integration/database-roles.test.ts).
    const client = new pg.Client({ connectionString: inject("ownerUrl") });
    await client.connect();
    try {
      // Inside a transaction that is always rolled back: if the trigger were missing, the other test files'
      // entries must not vanish with it.
      await client.query("BEGIN");
      await client.query("SET LOCAL lock_timeout = '20s'");
      await expect(client.query(`TRUNCATE "AuditLog"`)).rejects.toThrow(
        /AuditLog is append-only: TRUNCATE is not allowed/,
      );
    } finally {
      await client.query("ROLLBACK");
      await client.end();
    }
    expect(await db.auditLog.count({ where: { id: entry.id } })).toBe(1);
  });

  test("inserting is allowed (the twin of the refusals)", async () => {
    const before = await db.auditLog.count({ where: { agencyId: world.agency.id, action: "test.entry" } });
    await db.$executeRawUnsafe(
      `INSERT INTO "AuditLog" ("id", "agencyId", "action", "model") VALUES (gen_random_uuid(), $1::uuid, 'test.entry', 'Test')`,
      world.agency.id,
    );
    expect(await db.auditLog.count({ where: { agencyId: world.agency.id, action: "test.entry" } })).toBe(before + 1);
  });
});

describe("every client mutation writes exactly one audit entry", () => {
  /** Runs the mutation and returns the one audit entry it wrote (failing if it wrote none or several). */
  async function auditedBy<T>(mutation: () => Promise<T>) {
    const before = await db.auditLog.findMany({ where: { agencyId: world.agency.id }, select: { id: true } });
    const result = await mutation();
    const known = new Set(before.map((row) => row.id));
    const added = (await db.auditLog.findMany({ where: { agencyId: world.agency.id } })).filter(
      (row) => !known.has(row.id),
    );
    expect(added, "audit entries written").toHaveLength(1);
    return { result, entry: added[0] };
  }

  test("client.create, client.update, client.archive, client.restore", async () => {
    const { ctx, user } = world.director;
    const name = `Audited ${uid()}`;
    const created = await auditedBy(() => createClient(ctx, { name, country: "DE", tags: "beauty" }));
    expect(created.entry).toMatchObject({
      action: "client.create",
      model: "Client",
      recordId: created.result.id,
      display: name,
      actorId: user.id,
      actorEmail: user.email,
      ip: "127.0.0.1",
      parentModel: null,
    });
    expect(created.entry.diff).toMatchObject({ before: null, after: { name, country: "DE", tags: ["beauty"] } });

    const updated = await auditedBy(() => updateClient(ctx, created.result.id, { version: 1, name: `${name} II` }));
    expect(updated.entry).toMatchObject({
      action: "client.update",
      model: "Client",
      recordId: created.result.id,
      display: `${name} II`,
    });
    expect((updated.entry.diff as { before: Record<string, unknown> }).before.name).toBe(name);
    expect((updated.entry.diff as { after: Record<string, unknown> }).after.name).toBe(`${name} II`);

    const archived = await auditedBy(() => setClientArchived(ctx, created.result.id, true));
    expect(archived.entry).toMatchObject({ action: "client.archive", model: "Client", recordId: created.result.id });
    expect(archived.entry.diff).toMatchObject({
      before: { archivedAt: null },
      after: { archivedAt: expect.any(String) },
    });

    const restored = await auditedBy(() => setClientArchived(ctx, created.result.id, false));
    expect(restored.entry).toMatchObject({ action: "client.restore", model: "Client", recordId: created.result.id });

    // The client's timeline is read from these entries (compared as a set: two entries may share a millisecond).
    const timeline = await getClientTimeline(ctx, created.result.id);
    expect(timeline.map((e) => e.action).sort()).toEqual([
      "client.archive",
      "client.create",
      "client.restore",
      "client.update",
    ]);
  });

  test("contact.create, contact.update, contact.delete sit under their client", async () => {
    const { ctx } = world.manager;
    const clientId = world.clientOne.id;
    const created = await auditedBy(() =>
      createContact(ctx, clientId, { name: "Audited Contact", email: "Audited@Example.com" }),
    );
    expect(created.entry).toMatchObject({
      action: "contact.create",
      model: "Contact",
      recordId: created.result.id,
      display: "Audited Contact",
      parentModel: "Client",
      parentId: clientId,
      actorId: world.manager.user.id,
    });
    expect(created.entry.diff).toMatchObject({ after: { email: "audited@example.com" } });

    const updated = await auditedBy(() => updateContact(ctx, clientId, created.result.id, { title: "CMO" }));
    expect(updated.entry).toMatchObject({
      action: "contact.update",
      model: "Contact",
      recordId: created.result.id,
      parentId: clientId,
    });
    expect(updated.entry.diff).toEqual({ before: { title: null }, after: { title: "CMO" } });

    const deleted = await auditedBy(() => deleteContact(ctx, clientId, created.result.id));
    expect(deleted.entry).toMatchObject({
      action: "contact.delete",
      model: "Contact",
      recordId: created.result.id,
      parentId: clientId,
    });
    expect(deleted.entry.diff).toMatchObject({ before: { name: "Audited Contact", title: "CMO" }, after: null });
    expect(await db.contact.count({ where: { id: created.result.id } })).toBe(0);

    const timeline = await getClientTimeline(ctx, clientId);
    const ids = new Set([created.entry.id, updated.entry.id, deleted.entry.id]);
    expect(timeline.filter((e) => ids.has(e.id))).toHaveLength(3);
  });

  test("refused mutations write no entry", async () => {
    const { ctx } = world.director;
    const before = await db.auditLog.count({ where: { agencyId: world.agency.id } });
    await expectAppError(createClient(ctx, { name: "" }), "VALIDATION_FAILED");
    await expectAppError(updateClient(ctx, world.clientTwo.id, { version: 99, name: "x" }), "STALE_VERSION");
    await expectAppError(setClientArchived(ctx, world.clientTwo.id, false), "CONFLICT");
    await expectAppError(createContact(ctx, world.clientTwo.id, { name: "x", email: "nope" }), "VALIDATION_FAILED");
    await expectAppError(setClientArchived(world.manager.ctx, world.clientTwo.id, true), "FORBIDDEN");
    expect(await db.auditLog.count({ where: { agencyId: world.agency.id } })).toBe(before);
  });
});
