// GET /api/campaigns/:id/finance-summary — budget vs committed vs invoiced vs paid per currency and category, overruns marked
import { withAuth } from "@/lib/api/with-auth";
import { getCampaignFinanceSummary } from "@/lib/domain/finance/get-campaign-finance-summary";
import { apiRoute, json } from "@/lib/api/http";

export const GET = withAuth(
  async (_request, { ctx, params }) => json({ data: await getCampaignFinanceSummary(ctx, params.id) }),
  { permission: "finance.read" },
);

export default apiRoute({ GET });
export const config = { api: { bodyParser: false } };
