// GET /api/finance/objects/:id — the object, its lines, revisions, approval chain, payments and what the caller may do
// PATCH /api/finance/objects/:id — revise (new revision with snapshot and reason; approval reopens)
import { withAuth } from "@/lib/api/with-auth";
import { getFinancialObject } from "@/lib/domain/finance/get-financial-object";
import { reviseFinancialObject } from "@/lib/domain/finance/revise-financial-object";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const GET = withAuth(
  async (_request, { ctx, params }) => json({ data: await getFinancialObject(ctx, params.id) }),
  { permission: "finance.read" },
);

export const PATCH = withAuth(
  async (request, { ctx, params }) =>
    json({ data: await reviseFinancialObject(ctx, params.id, await readJson(request)) }),
  { permission: "finance.manage" },
);

export default apiRoute({ GET, PATCH });
export const config = { api: { bodyParser: false } };
