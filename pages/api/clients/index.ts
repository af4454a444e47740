// GET /api/clients — list clients (search, filter, sort, page or cursor)
// POST /api/clients — create a client
import { queryObject } from "@/lib/api/query";
import { withAuth } from "@/lib/api/with-auth";
import { createClient } from "@/lib/domain/clients/create-client";
import { listClients } from "@/lib/domain/clients/list-clients";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const GET = withAuth(
  async (request, { ctx }) => {
    const { items, ...page } = await listClients(ctx, queryObject(request));
    return json({ data: items, page });
  },
  { permission: "client.read" },
);

export const POST = withAuth(
  async (request, { ctx }) => {
    const client = await createClient(ctx, await readJson(request));
    return json({ data: client }, 201);
  },
  { permission: "client.create" },
);

export default apiRoute({ GET, POST });
export const config = { api: { bodyParser: false } };
