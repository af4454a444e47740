// GET /api/campaigns/:id/content-totals — the campaign's summed post figures and task counts by status
import { withAuth } from "@/lib/auth/with-auth";
import { getCampaignContentTotals } from "@/lib/domain/content/content-totals";

export const GET = withAuth(async (_request, { ctx, params }) => Response.json({ data: await getCampaignContentTotals(ctx, params.id) }), { permission: "content.read" });
