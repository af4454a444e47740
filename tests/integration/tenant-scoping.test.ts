import { beforeAll, describe, expect, test } from "vitest";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { getClient } from "@/lib/domain/clients/get-client";
import { listClients } from "@/lib/domain/clients/list-clients";
import { updateClient } from "@/lib/domain/clients/update-client";
import { setClientArchived } from "@/lib/domain/clients/archive-client";
import { createContact, deleteContact, listContacts, updateContact } from "@/lib/domain/clients/contacts";
import { getClientTimeline } from "@/lib/domain/clients/get-client-timeline";
import {
  createActor,
  createAgencyWithClients,
  createClientRow,
  createContactRow,
  expectAppError,
} from "../setup/factories";

// A row of another agency does not exist for the caller: every client operation answers NOT_FOUND and
// writes nothing. Each refusal has an "allowed" twin: the same call by the right user succeeds.

type World = Awaited<ReturnType<typeof createAgencyWithClients>>;
let a: World;
let b: World;

beforeAll(async () => {
  [a, b] = await Promise.all([createAgencyWithClients("TenantA"), createAgencyWithClients("TenantB")]);
});

/** Everything a refused call could have changed in either agency. */
async function snapshot() {
  const agencies = [a.agency.id, b.agency.id];
  const [clients, contacts, audits] = await Promise.all([
    db.client.findMany({ where: { agencyId: { in: agencies } }, orderBy: { id: "asc" } }),
    db.contact.findMany({ where: { agencyId: { in: agencies } }, orderBy: { id: "asc" } }),
    db.auditLog.count({ where: { agencyId: { in: agencies } } }),
  ]);
  return { clients, contacts, audits };
}

type Target = { clientId: string; contactId: string };
type Operation = { name: string; writes: boolean; run: (ctx: AuthContext, target: Target) => Promise<unknown> };

const operations: Operation[] = [
  { name: "getClient", writes: false, run: (ctx, t) => getClient(ctx, t.clientId) },
  {
    name: "updateClient",
    writes: true,
    run: (ctx, t) => updateClient(ctx, t.clientId, { version: 1, name: "Renamed by the caller" }),
  },
  { name: "setClientArchived", writes: true, run: (ctx, t) => setClientArchived(ctx, t.clientId, true) },
  { name: "createContact", writes: true, run: (ctx, t) => createContact(ctx, t.clientId, { name: "Planted contact" }) },
  {
    name: "updateContact",
    writes: true,
    run: (ctx, t) => updateContact(ctx, t.clientId, t.contactId, { title: "Changed" }),
  },
  { name: "deleteContact", writes: true, run: (ctx, t) => deleteContact(ctx, t.clientId, t.contactId) },
  { name: "listContacts", writes: false, run: (ctx, t) => listContacts(ctx, t.clientId) },
  { name: "getClientTimeline", writes: false, run: (ctx, t) => getClientTimeline(ctx, t.clientId) },
];

/** A fresh client of agency A with one contact, so that the allowed twins can change and delete freely. */
async function freshTarget(): Promise<Target> {
  const client = await createClientRow(a.agency.id);
  const contact = await createContactRow(a.agency.id, client.id);
  return { clientId: client.id, contactId: contact.id };
}

describe("another agency's clients do not exist for the caller", () => {
  test.each(operations)("$name: refused with NOT_FOUND for agency B's director, nothing written", async ({ run }) => {
    const target = await freshTarget();
    const before = await snapshot();
    const error = await expectAppError(run(b.director.ctx, target), "NOT_FOUND");
    // The answer says nothing about the row (no name, no agency).
    expect(error.message).toMatch(/^(Client|Contact) not found$/);
    expect(await snapshot()).toEqual(before);
  });

  test.each(operations)("$name: allowed for agency A's director", async ({ run, writes }) => {
    const target = await freshTarget();
    const before = await snapshot();
    await expect(run(a.director.ctx, target)).resolves.toBeDefined();
    // A change lands with its one audit entry; a read changes nothing.
    expect((await snapshot()).audits).toBe(before.audits + (writes ? 1 : 0));
  });

  test("a contact of agency A cannot be reached through a client of agency B", async () => {
    const target = await freshTarget();
    const before = await snapshot();
    await expectAppError(updateContact(b.director.ctx, b.clientOne.id, target.contactId, { title: "x" }), "NOT_FOUND");
    await expectAppError(deleteContact(b.director.ctx, b.clientOne.id, target.contactId), "NOT_FOUND");
    expect(await snapshot()).toEqual(before);
    // Twin: through its own client, agency A reaches it.
    await expect(
      updateContact(a.director.ctx, target.clientId, target.contactId, { title: "x" }),
    ).resolves.toMatchObject({ title: "x" });
  });

  test("agency B cannot make agency A's client its parent", async () => {
    const before = await snapshot();
    const error = await expectAppError(
      updateClient(b.director.ctx, b.clientTwo.id, { version: b.clientTwo.version, parentId: a.clientOne.id }),
      "VALIDATION_FAILED",
    );
    expect(error.fields).toEqual({ parentId: "Parent client not found" });
    expect(await snapshot()).toEqual(before);
  });

  test("listClients never shows another agency's clients", async () => {
    const own = await listClients(b.director.ctx, { archived: "all", take: 100 });
    expect(own.items.map((c) => c.id).sort()).toEqual(
      (await db.client.findMany({ where: { agencyId: b.agency.id }, select: { id: true } })).map((c) => c.id).sort(),
    );
    const aIds = new Set(
      (await db.client.findMany({ where: { agencyId: a.agency.id }, select: { id: true } })).map((c) => c.id),
    );
    expect(aIds.size).toBeGreaterThan(0);
    expect(own.items.filter((c) => aIds.has(c.id))).toEqual([]);
    // Searching for A's client by its exact name finds nothing for B, and finds it for A.
    const search = await listClients(b.director.ctx, { q: a.clientOne.name, archived: "all" });
    expect(search.items).toEqual([]);
    expect(search.total).toBe(0);
    const twin = await listClients(a.director.ctx, { q: a.clientOne.name, archived: "all" });
    expect(twin.items.map((c) => c.id)).toEqual([a.clientOne.id]);
  });

  test("a cursor naming another agency's client is refused as invalid input; the caller's own cursor pages", async () => {
    const refused = await expectAppError(
      listClients(b.director.ctx, { cursor: a.clientOne.id, archived: "all" }),
      "VALIDATION_FAILED",
    );
    expect(refused.fields?.cursor).toBeTruthy();
    const first = await listClients(b.director.ctx, { take: 1, archived: "all" });
    const next = await listClients(b.director.ctx, { take: 1, archived: "all", cursor: first.items[0].id });
    expect(next.items.map((c) => c.id)).not.toContain(first.items[0].id);
  });
});

describe("a CLIENT user sees only their own client", () => {
  let clientUser: Awaited<ReturnType<typeof createActor>>;

  beforeAll(async () => {
    clientUser = await createActor(a.agency.id, { role: "CLIENT", scopeType: "CLIENT", scopeId: a.clientOne.id });
  });

  test("listClients: exactly their client", async () => {
    const list = await listClients(clientUser.ctx, { archived: "all", take: 100 });
    expect(list.items.map((c) => c.id)).toEqual([a.clientOne.id]);
    expect(list.total).toBe(1);
    // Twin: staff of the same agency see the sibling too.
    const staff = await listClients(a.manager.ctx, { archived: "all", take: 100 });
    expect(staff.items.map((c) => c.id)).toEqual(expect.arrayContaining([a.clientOne.id, a.clientTwo.id]));
  });

  test("getClient and listContacts: their client works, a sibling is NOT_FOUND", async () => {
    const own = await getClient(clientUser.ctx, a.clientOne.id);
    expect(own.id).toBe(a.clientOne.id);
    expect(own.contacts.map((c) => c.id)).toContain(a.contactOne.id);
    expect(await listContacts(clientUser.ctx, a.clientOne.id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: a.contactOne.id })]),
    );

    await expectAppError(getClient(clientUser.ctx, a.clientTwo.id), "NOT_FOUND");
    await expectAppError(listContacts(clientUser.ctx, a.clientTwo.id), "NOT_FOUND");
    await expectAppError(getClient(clientUser.ctx, b.clientOne.id), "NOT_FOUND");
    // Twin: the sibling exists for staff.
    await expect(getClient(a.manager.ctx, a.clientTwo.id)).resolves.toMatchObject({ id: a.clientTwo.id });
  });

  test("the hierarchy does not leak sibling brands to a client user", async () => {
    const parent = await createClientRow(a.agency.id, { name: `Parent ${Date.now()}` });
    await db.client.update({ where: { id: a.clientOne.id }, data: { parentId: parent.id } });
    const sibling = await createClientRow(a.agency.id, { parentId: parent.id });
    try {
      const own = await getClient(clientUser.ctx, a.clientOne.id);
      expect(own.parent).toBeNull();
      expect(own.children).toEqual([]);
      await expectAppError(getClient(clientUser.ctx, parent.id), "NOT_FOUND");
      await expectAppError(getClient(clientUser.ctx, sibling.id), "NOT_FOUND");
      const staff = await getClient(a.manager.ctx, a.clientOne.id);
      expect(staff.parent).toEqual({ id: parent.id, name: parent.name });
    } finally {
      await db.client.update({ where: { id: a.clientOne.id }, data: { parentId: null } });
    }
  });

  test("a client user cannot change their client or its contacts, and nothing is written", async () => {
    const before = await snapshot();
    await expectAppError(updateClient(clientUser.ctx, a.clientOne.id, { version: 1, name: "Mine now" }), "FORBIDDEN");
    await expectAppError(createContact(clientUser.ctx, a.clientOne.id, { name: "Me" }), "FORBIDDEN");
    await expectAppError(deleteContact(clientUser.ctx, a.clientOne.id, a.contactOne.id), "FORBIDDEN");
    await expectAppError(setClientArchived(clientUser.ctx, a.clientOne.id, true), "FORBIDDEN");
    await expectAppError(getClientTimeline(clientUser.ctx, a.clientOne.id), "FORBIDDEN");
    expect(await snapshot()).toEqual(before);
  });
});
