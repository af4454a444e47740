// GET /api/finance/queue — what waits for the caller's decision (filters: type, campaignId, clientId, currency, minAmount, maxAmount, minAgeDays)
import { queryObject } from "@/lib/api/query";
import { withAuth } from "@/lib/auth/with-auth";
import { listFinanceQueue } from "@/lib/domain/finance/list-finance-queue";

export const GET = withAuth(
  async (request, { ctx }) => {
    const { items, total, totalCapped } = await listFinanceQueue(ctx, queryObject(request));
    // total is exact up to FINANCE_QUEUE_COUNT_CAP; totalCapped: there are more than total ("1,000+").
    return Response.json({ data: items, page: { total, totalCapped } });
  },
  { permission: "finance.read" },
);
