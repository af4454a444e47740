// GET /api/campaigns/:id/content-totals — the campaign's summed post figures and task counts by status
import { withAuth } from "@/lib/api/with-auth";
import { getCampaignContentTotals } from "@/lib/domain/content/content-totals";
import { apiRoute, json } from "@/lib/api/http";

export const GET = withAuth(
  async (_request, { ctx, params }) => json({ data: await getCampaignContentTotals(ctx, params.id) }),
  { permission: "content.read" },
);

export default apiRoute({ GET });
export const config = { api: { bodyParser: false } };
