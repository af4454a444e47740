// GET /api/finance/objects — financial objects the caller may see (filters: type, status, campaignId, clientId, influencerId, currency, minAmount, maxAmount, minAgeDays, q; cursor)
// POST /api/finance/objects — create a budget, quote, purchase order, expense or invoice (DRAFT, revision 1)
import { queryObject } from "@/lib/api/query";
import { readJson, withAuth } from "@/lib/auth/with-auth";
import { createFinancialObject } from "@/lib/domain/finance/create-financial-object";
import { listFinancialObjects } from "@/lib/domain/finance/list-financial-objects";

export const GET = withAuth(
  async (request, { ctx }) => {
    const { items, ...page } = await listFinancialObjects(ctx, queryObject(request));
    return Response.json({ data: items, page });
  },
  { permission: "finance.read" },
);

export const POST = withAuth(async (request, { ctx }) => Response.json({ data: await createFinancialObject(ctx, await readJson(request)) }, { status: 201 }), { permission: "finance.manage" });
