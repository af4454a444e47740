import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import type { AuthContext } from "@/lib/auth/context";
import { notFound } from "@/lib/errors";
import { idSchema } from "@/lib/domain/id";
import { contactFieldsSchema, updateContactSchema } from "./schemas";
import { clientScope } from "./scope";

// Contacts live under a client: every query goes through the client's scope.

async function findScopedClient(tx: Tx, ctx: AuthContext, clientId: string) {
  if (!idSchema.safeParse(clientId).success) throw notFound("Client");
  const client = await tx.client.findFirst({
    where: { AND: [clientScope(ctx, "client.update"), { id: clientId }] },
    select: { id: true, name: true },
  });
  if (!client) throw notFound("Client");
  return client;
}

async function findScopedContact(tx: Tx, ctx: AuthContext, clientId: string, contactId: string) {
  const client = await findScopedClient(tx, ctx, clientId);
  if (!idSchema.safeParse(contactId).success) throw notFound("Contact");
  const contact = await tx.contact.findFirst({ where: { id: contactId, clientId: client.id, agencyId: ctx.agencyId } });
  if (!contact) throw notFound("Contact");
  return contact;
}

export async function listContacts(ctx: AuthContext, clientId: string) {
  if (!idSchema.safeParse(clientId).success) throw notFound("Client");
  const client = await db.client.findFirst({
    where: { AND: [clientScope(ctx, "client.read"), { id: clientId }] },
    select: { contacts: { orderBy: { name: "asc" } } },
  });
  if (!client) throw notFound("Client");
  return client.contacts;
}

export async function createContact(ctx: AuthContext, clientId: string, raw: unknown) {
  const input = contactFieldsSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const client = await findScopedClient(tx, ctx, clientId);
    const contact = await tx.contact.create({ data: { ...input, clientId: client.id, agencyId: ctx.agencyId } });
    await writeAudit(tx, ctx, {
      action: "contact.create",
      model: "Contact",
      recordId: contact.id,
      display: contact.name,
      parent: { model: "Client", id: client.id },
      after: contact,
    });
    return contact;
  });
}

export async function updateContact(ctx: AuthContext, clientId: string, contactId: string, raw: unknown) {
  const input = updateContactSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const before = await findScopedContact(tx, ctx, clientId, contactId);
    const after = await tx.contact.update({ where: { id: before.id }, data: input });
    await writeAudit(tx, ctx, {
      action: "contact.update",
      model: "Contact",
      recordId: after.id,
      display: after.name,
      parent: { model: "Client", id: clientId },
      before,
      after,
    });
    return after;
  });
}

export async function deleteContact(ctx: AuthContext, clientId: string, contactId: string) {
  return db.$transaction(async (tx) => {
    const before = await findScopedContact(tx, ctx, clientId, contactId);
    await tx.contact.delete({ where: { id: before.id } });
    await writeAudit(tx, ctx, {
      action: "contact.delete",
      model: "Contact",
      recordId: before.id,
      display: before.name,
      parent: { model: "Client", id: clientId },
      before,
    });
    return { id: before.id };
  });
}
