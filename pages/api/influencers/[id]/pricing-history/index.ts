// GET /api/influencers/:id/pricing-history — fees agreed on past campaigns, newest first
import { withAuth } from "@/lib/api/with-auth";
import { listPricingHistory } from "@/lib/domain/influencers/list-pricing-history";
import { apiRoute, json } from "@/lib/api/http";

export const GET = withAuth(
  async (_request, { ctx, params }) => json({ data: await listPricingHistory(ctx, params.id) }),
  {
    permission: "influencer.read",
  },
);

export default apiRoute({ GET });
export const config = { api: { bodyParser: false } };
