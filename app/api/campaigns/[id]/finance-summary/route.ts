// GET /api/campaigns/:id/finance-summary — budget vs committed vs invoiced vs paid per currency and category, overruns marked
import { withAuth } from "@/lib/auth/with-auth";
import { getCampaignFinanceSummary } from "@/lib/domain/finance/get-campaign-finance-summary";

export const GET = withAuth(async (_request, { ctx, params }) => Response.json({ data: await getCampaignFinanceSummary(ctx, params.id) }), { permission: "finance.read" });
