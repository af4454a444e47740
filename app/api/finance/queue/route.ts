// GET /api/finance/queue — what waits for the caller's decision (filters: type, campaignId, clientId, currency, minAmount, maxAmount, minAgeDays)
import { queryObject } from "@/lib/api/query";
import { withAuth } from "@/lib/auth/with-auth";
import { listFinanceQueue } from "@/lib/domain/finance/list-finance-queue";

export const GET = withAuth(
  async (request, { ctx }) => {
    const { items, total } = await listFinanceQueue(ctx, queryObject(request));
    return Response.json({ data: items, page: { total } });
  },
  { permission: "finance.read" },
);
