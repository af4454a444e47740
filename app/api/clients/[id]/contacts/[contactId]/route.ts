// PATCH /api/clients/:id/contacts/:contactId — edit a contact
// DELETE /api/clients/:id/contacts/:contactId — remove a contact
import { readJson, withAuth } from "@/lib/auth/with-auth";
import { deleteContact, updateContact } from "@/lib/domain/clients/contacts";

export const PATCH = withAuth(
  async (request, { ctx, params }) =>
    Response.json({ data: await updateContact(ctx, params.id, params.contactId, await readJson(request)) }),
  { permission: "client.update" },
);

export const DELETE = withAuth(async (_request, { ctx, params }) => Response.json({ data: await deleteContact(ctx, params.id, params.contactId) }), {
  permission: "client.update",
});
