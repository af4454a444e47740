// PATCH /api/influencers/:id/rate-cards/:rateCardId — edit a fee
// DELETE /api/influencers/:id/rate-cards/:rateCardId — remove it
import { withAuth } from "@/lib/api/with-auth";
import { removeRateCard, updateRateCard } from "@/lib/domain/influencers/rate-cards";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const PATCH = withAuth(
  async (request, { ctx, params }) =>
    json({ data: await updateRateCard(ctx, params.id, params.rateCardId, await readJson(request)) }),
  { permission: "influencer.manage" },
);

export const DELETE = withAuth(
  async (_request, { ctx, params }) => json({ data: await removeRateCard(ctx, params.id, params.rateCardId) }),
  {
    permission: "influencer.manage",
  },
);

export default apiRoute({ PATCH, DELETE });
export const config = { api: { bodyParser: false } };
