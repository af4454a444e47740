// GET /api/clients — list clients (search, filter, sort, page or cursor)
// POST /api/clients — create a client
import { queryObject } from "@/lib/api/query";
import { readJson, withAuth } from "@/lib/auth/with-auth";
import { createClient } from "@/lib/domain/clients/create-client";
import { listClients } from "@/lib/domain/clients/list-clients";

export const GET = withAuth(
  async (request, { ctx }) => {
    const { items, ...page } = await listClients(ctx, queryObject(request));
    return Response.json({ data: items, page });
  },
  { permission: "client.read" },
);

export const POST = withAuth(
  async (request, { ctx }) => {
    const client = await createClient(ctx, await readJson(request));
    return Response.json({ data: client }, { status: 201 });
  },
  { permission: "client.create" },
);
