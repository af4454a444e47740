// POST /api/finance/objects/:id/submit — send a draft for approval along the campaign policy's chain
import { withAuth } from "@/lib/auth/with-auth";
import { AppError } from "@/lib/errors";
import { submitFinancialObject } from "@/lib/domain/finance/submit-financial-object";
import { apiRoute, json, type ApiRequest } from "@/lib/api/http";

async function optionalJson(request: ApiRequest): Promise<unknown> {
  const text = await request.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body must be JSON");
  }
}

export const POST = withAuth(async (request, { ctx, params }) => json({ data: await submitFinancialObject(ctx, params.id, await optionalJson(request)) }), { permission: "finance.manage" });

export default apiRoute({ POST });
export const config = { api: { bodyParser: false } };
