// GET /api/finance/objects — financial objects the caller may see (filters: type, status, campaignId, clientId, influencerId, currency, minAmount, maxAmount, minAgeDays, q; cursor)
// POST /api/finance/objects — create a budget, quote, purchase order, expense or invoice (DRAFT, revision 1)
import { queryObject } from "@/lib/api/query";
import { withAuth } from "@/lib/api/with-auth";
import { createFinancialObject } from "@/lib/domain/finance/create-financial-object";
import { listFinancialObjects } from "@/lib/domain/finance/list-financial-objects";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const GET = withAuth(
  async (request, { ctx }) => {
    const { items, ...page } = await listFinancialObjects(ctx, queryObject(request));
    return json({ data: items, page });
  },
  { permission: "finance.read" },
);

export const POST = withAuth(
  async (request, { ctx }) => json({ data: await createFinancialObject(ctx, await readJson(request)) }, 201),
  { permission: "finance.manage" },
);

export default apiRoute({ GET, POST });
export const config = { api: { bodyParser: false } };
