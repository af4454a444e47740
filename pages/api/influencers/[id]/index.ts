// GET /api/influencers/:id — one profile with socials, rate cards, pricing history and campaigns
// PATCH /api/influencers/:id — edit fields or status; the body names the `version` it read (409 when stale)
import { withAuth } from "@/lib/api/with-auth";
import { getInfluencer } from "@/lib/domain/influencers/get-influencer";
import { updateInfluencer } from "@/lib/domain/influencers/update-influencer";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const GET = withAuth(async (_request, { ctx, params }) => json({ data: await getInfluencer(ctx, params.id) }), {
  permission: "influencer.read",
});

export const PATCH = withAuth(
  async (request, { ctx, params }) => json({ data: await updateInfluencer(ctx, params.id, await readJson(request)) }),
  { permission: "influencer.manage" },
);

export default apiRoute({ GET, PATCH });
export const config = { api: { bodyParser: false } };
