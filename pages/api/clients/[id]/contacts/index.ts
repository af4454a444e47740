// GET /api/clients/:id/contacts — the client's contacts
// POST /api/clients/:id/contacts — add a contact
import { withAuth } from "@/lib/api/with-auth";
import { createContact, listContacts } from "@/lib/domain/clients/contacts";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const GET = withAuth(async (_request, { ctx, params }) => json({ data: await listContacts(ctx, params.id) }), {
  permission: "client.read",
});

export const POST = withAuth(
  async (request, { ctx, params }) => json({ data: await createContact(ctx, params.id, await readJson(request)) }, 201),
  { permission: "client.update" },
);

export default apiRoute({ GET, POST });
export const config = { api: { bodyParser: false } };
