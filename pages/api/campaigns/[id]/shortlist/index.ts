// GET /api/campaigns/:id/shortlist — the campaign's influencers with fees, rate cards and pricing history
// POST /api/campaigns/:id/shortlist — add an influencer ({ influencerId, proposedFee? } — the fee defaults from the rate card)
import { withAuth } from "@/lib/api/with-auth";
import { addToShortlist } from "@/lib/domain/shortlist/add-to-shortlist";
import { listShortlist } from "@/lib/domain/shortlist/list-shortlist";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const GET = withAuth(async (_request, { ctx, params }) => json({ data: await listShortlist(ctx, params.id) }), {
  permission: "influencer.read",
});

export const POST = withAuth(
  async (request, { ctx, params }) =>
    json({ data: await addToShortlist(ctx, params.id, await readJson(request)) }, 201),
  { permission: "campaign.update" },
);

export default apiRoute({ GET, POST });
export const config = { api: { bodyParser: false } };
