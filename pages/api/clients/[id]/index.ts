// GET /api/clients/:id — one client with its contacts
// PATCH /api/clients/:id — update fields; the body names the `version` it read (409 when stale)
import { withAuth } from "@/lib/api/with-auth";
import { getClient } from "@/lib/domain/clients/get-client";
import { updateClient } from "@/lib/domain/clients/update-client";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const GET = withAuth(async (_request, { ctx, params }) => json({ data: await getClient(ctx, params.id) }), {
  permission: "client.read",
});

export const PATCH = withAuth(
  async (request, { ctx, params }) => json({ data: await updateClient(ctx, params.id, await readJson(request)) }),
  { permission: "client.update" },
);

export default apiRoute({ GET, PATCH });
export const config = { api: { bodyParser: false } };
