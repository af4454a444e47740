// GET /api/finance/queue — what waits for the caller's decision (filters: type, campaignId, clientId, currency, minAmount, maxAmount, minAgeDays; take, after)
import { queryObject } from "@/lib/api/query";
import { withAuth } from "@/lib/api/with-auth";
import { listFinanceQueue } from "@/lib/domain/finance/list-finance-queue";
import { apiRoute, json } from "@/lib/api/http";

export const GET = withAuth(
  async (request, { ctx }) => {
    const { items, total, totalCapped, nextCursor } = await listFinanceQueue(ctx, queryObject(request));
    // total is exact up to FINANCE_QUEUE_COUNT_CAP; totalCapped: there are more than total ("1,000+").
    // nextCursor: pass it as `after` for the next page (null on the last one).
    return json({ data: items, page: { total, totalCapped, nextCursor } });
  },
  { permission: "finance.read" },
);

export default apiRoute({ GET });
export const config = { api: { bodyParser: false } };
