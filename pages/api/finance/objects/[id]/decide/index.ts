// POST /api/finance/objects/:id/decide — approve or reject the step waiting for the caller ({ decision, reason })
import { withAuth } from "@/lib/api/with-auth";
import { decideFinancialObject } from "@/lib/domain/finance/decide-financial-object";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const POST = withAuth(
  async (request, { ctx, params }) =>
    json({ data: await decideFinancialObject(ctx, params.id, await readJson(request)) }),
  { permission: "finance.read" },
);

export default apiRoute({ POST });
export const config = { api: { bodyParser: false } };
