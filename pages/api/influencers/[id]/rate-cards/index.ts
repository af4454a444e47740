// GET /api/influencers/:id/rate-cards — fees per platform and deliverable (fee as a decimal string)
// POST /api/influencers/:id/rate-cards — add a fee
import { withAuth } from "@/lib/api/with-auth";
import { addRateCard, listRateCards } from "@/lib/domain/influencers/rate-cards";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const GET = withAuth(async (_request, { ctx, params }) => json({ data: await listRateCards(ctx, params.id) }), {
  permission: "influencer.read",
});

export const POST = withAuth(
  async (request, { ctx, params }) => json({ data: await addRateCard(ctx, params.id, await readJson(request)) }, 201),
  { permission: "influencer.manage" },
);

export default apiRoute({ GET, POST });
export const config = { api: { bodyParser: false } };
