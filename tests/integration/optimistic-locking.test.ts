import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import { createClient } from "@/lib/domain/clients/create-client";
import { updateClient } from "@/lib/domain/clients/update-client";
import { setClientArchived } from "@/lib/domain/clients/archive-client";
import { createAgencyWithClients, expectAppError, uid } from "../setup/factories";

type World = Awaited<ReturnType<typeof createAgencyWithClients>>;
let world: World;

beforeAll(async () => {
  world = await createAgencyWithClients("Locking");
});

describe("updateClient: optimistic locking", () => {
  test("a save naming the version it read succeeds and bumps the version", async () => {
    const client = await createClient(world.manager.ctx, { name: `Versioned ${uid()}`, status: "ACTIVE" });
    expect(client.version).toBe(1);
    const updated = await updateClient(world.manager.ctx, client.id, { version: 1, name: `${client.name} v2` });
    expect(updated.version).toBe(2);
    expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).name).toBe(`${client.name} v2`);
  });

  test("a stale version gets STALE_VERSION, naming who changed it, and changes nothing", async () => {
    const client = await createClient(world.manager.ctx, { name: `Contested ${uid()}` });
    await updateClient(world.director.ctx, client.id, { version: 1, city: "Oslo" });
    const current = await db.client.findUniqueOrThrow({ where: { id: client.id } });
    const audits = await db.auditLog.count({ where: { agencyId: world.agency.id, recordId: client.id } });

    const error = await expectAppError(
      updateClient(world.manager.ctx, client.id, { version: 1, name: "Lost update" }),
      "STALE_VERSION",
    );
    expect(error.status).toBe(409);
    expect(error.fields).toEqual({ version: "Out of date" });
    expect(error.message).toContain(world.director.user.email);
    expect(error.message).toContain("version 2");

    expect(await db.client.findUniqueOrThrow({ where: { id: client.id } })).toEqual(current);
    expect(await db.auditLog.count({ where: { agencyId: world.agency.id, recordId: client.id } })).toBe(audits);

    // Twin: with the version now current, the same change lands.
    await expect(
      updateClient(world.manager.ctx, client.id, { version: current.version, name: "Kept update" }),
    ).resolves.toMatchObject({
      name: "Kept update",
      version: current.version + 1,
    });
  });

  test("archiving moves the version on, so an edit from before the archive is stale", async () => {
    const client = await createClient(world.director.ctx, { name: `Archived ${uid()}` });
    await setClientArchived(world.director.ctx, client.id, true);
    await expectAppError(
      updateClient(world.director.ctx, client.id, { version: 1, name: "Old form" }),
      "STALE_VERSION",
    );
    expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).name).toBe(client.name);
  });

  test("two saves of the same version at once: exactly one lands", async () => {
    const client = await createClient(world.manager.ctx, { name: `Race ${uid()}` });
    const results = await Promise.allSettled(
      ["First", "Second", "Third"].map((name) => updateClient(world.manager.ctx, client.id, { version: 1, name })),
    );
    const landed = results.filter((r) => r.status === "fulfilled");
    expect(landed).toHaveLength(1);
    const row = await db.client.findUniqueOrThrow({ where: { id: client.id } });
    expect(row.version).toBe(2);
    expect(row.name).toBe((landed[0] as PromiseFulfilledResult<{ name: string }>).value.name);
    expect(
      await db.auditLog.count({ where: { agencyId: world.agency.id, recordId: client.id, action: "client.update" } }),
    ).toBe(1);
  });

  // BUG (lib/domain/clients/schemas.ts, `updateClientSchema = clientFieldsSchema.partial()...`): zod 4 keeps
  // `.default("EUR")` / `.default("PROSPECT")` inside `.partial()`, so an update that leaves out status or
  // defaultCurrency resets them. Remove `.fails` when fixed.
  test("an update touches only the fields it names (status and currency survive a city change)", async () => {
    const client = await createClient(world.manager.ctx, {
      name: `Partial ${uid()}`,
      status: "ACTIVE",
      defaultCurrency: "GBP",
    });
    const updated = await updateClient(world.manager.ctx, client.id, { version: 1, city: "Leeds" });
    expect(updated.city).toBe("Leeds");
    expect(updated.status).toBe("ACTIVE");
    expect(updated.defaultCurrency).toBe("GBP");
  });

  test("an update touches only the fields it names (text fields and tags)", async () => {
    const client = await createClient(world.manager.ctx, {
      name: `Partial ${uid()}`,
      legalName: "Partial Ltd",
      tags: ["keep"],
      country: "GB",
    });
    const updated = await updateClient(world.manager.ctx, client.id, { version: 1, city: "Leeds" });
    expect(updated).toMatchObject({
      city: "Leeds",
      legalName: "Partial Ltd",
      tags: ["keep"],
      country: "GB",
      name: client.name,
    });
  });
});
