// POST /api/finance/objects/:id/void — void with a reason (an invoice keeps its number)
import { withAuth } from "@/lib/api/with-auth";
import { voidFinancialObject } from "@/lib/domain/finance/void-financial-object";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const POST = withAuth(
  async (request, { ctx, params }) =>
    json({ data: await voidFinancialObject(ctx, params.id, await readJson(request)) }),
  { permission: "finance.issue" },
);

export default apiRoute({ POST });
export const config = { api: { bodyParser: false } };
