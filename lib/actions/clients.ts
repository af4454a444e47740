"use server";

import "server-only";
import { z } from "zod";
import { authedAction } from "@/lib/actions/action";
import { setClientArchived } from "@/lib/domain/clients/archive-client";
import { createContact, deleteContact, updateContact } from "@/lib/domain/clients/contacts";
import { createClient } from "@/lib/domain/clients/create-client";
import { contactFieldsSchema, createClientSchema, updateClientSchema } from "@/lib/domain/clients/schemas";
import { updateClient } from "@/lib/domain/clients/update-client";
import { idSchema } from "@/lib/domain/id";

const id = idSchema;
const clientPaths = (clientId?: string) => [
  "/agency/clients",
  "/agency",
  ...(clientId ? [`/agency/clients/${clientId}`] : []),
];

export const createClientAction = authedAction(
  { permission: "client.create", schema: createClientSchema, revalidate: () => clientPaths() },
  async (ctx, input) => {
    const client = await createClient(ctx, input);
    return { id: client.id };
  },
);

export const updateClientAction = authedAction(
  {
    permission: "client.update",
    schema: updateClientSchema.extend({ id }),
    revalidate: (input) => clientPaths(input.id),
  },
  async (ctx, { id: clientId, ...changes }) => {
    const client = await updateClient(ctx, clientId, changes);
    return { id: client.id, version: client.version };
  },
);

export const setClientArchivedAction = authedAction(
  {
    permission: "client.archive",
    schema: z.object({ id, archived: z.boolean() }),
    revalidate: (input) => clientPaths(input.id),
  },
  async (ctx, input) => {
    const client = await setClientArchived(ctx, input.id, input.archived);
    return { id: client.id, archivedAt: client.archivedAt };
  },
);

export const createContactAction = authedAction(
  {
    permission: "client.update",
    schema: contactFieldsSchema.extend({ clientId: id }),
    revalidate: (input) => clientPaths(input.clientId),
  },
  async (ctx, { clientId, ...fields }) => {
    const contact = await createContact(ctx, clientId, fields);
    return { id: contact.id };
  },
);

export const updateContactAction = authedAction(
  {
    permission: "client.update",
    schema: contactFieldsSchema.extend({ clientId: id, contactId: id }),
    revalidate: (input) => clientPaths(input.clientId),
  },
  async (ctx, { clientId, contactId, ...fields }) => {
    const contact = await updateContact(ctx, clientId, contactId, fields);
    return { id: contact.id };
  },
);

export const deleteContactAction = authedAction(
  {
    permission: "client.update",
    schema: z.object({ clientId: id, contactId: id }),
    revalidate: (input) => clientPaths(input.clientId),
  },
  async (ctx, input) => deleteContact(ctx, input.clientId, input.contactId),
);
