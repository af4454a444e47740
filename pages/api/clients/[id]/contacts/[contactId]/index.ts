// PATCH /api/clients/:id/contacts/:contactId — edit a contact
// DELETE /api/clients/:id/contacts/:contactId — remove a contact
import { withAuth } from "@/lib/api/with-auth";
import { deleteContact, updateContact } from "@/lib/domain/clients/contacts";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const PATCH = withAuth(
  async (request, { ctx, params }) =>
    json({ data: await updateContact(ctx, params.id, params.contactId, await readJson(request)) }),
  { permission: "client.update" },
);

export const DELETE = withAuth(
  async (_request, { ctx, params }) => json({ data: await deleteContact(ctx, params.id, params.contactId) }),
  {
    permission: "client.update",
  },
);

export default apiRoute({ PATCH, DELETE });
export const config = { api: { bodyParser: false } };
