// POST /api/finance/objects/:id/submit — send a draft for approval along the campaign policy's chain
import { withAuth } from "@/lib/api/with-auth";
import { submitFinancialObject } from "@/lib/domain/finance/submit-financial-object";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const POST = withAuth(
  async (request, { ctx, params }) =>
    json({ data: await submitFinancialObject(ctx, params.id, await readJson(request, { whenEmpty: {} })) }),
  { permission: "finance.manage" },
);

export default apiRoute({ POST });
export const config = { api: { bodyParser: false } };
