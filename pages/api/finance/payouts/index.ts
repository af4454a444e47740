// GET /api/finance/payouts — what is owed to which influencer (per currency) and the scheduled payouts by date
import { withAuth } from "@/lib/api/with-auth";
import { listPayoutsOwed } from "@/lib/domain/finance/list-payouts-owed";
import { apiRoute, json } from "@/lib/api/http";

export const GET = withAuth(async (_request, { ctx }) => json({ data: await listPayoutsOwed(ctx) }), {
  permission: "finance.read",
});

export default apiRoute({ GET });
export const config = { api: { bodyParser: false } };
