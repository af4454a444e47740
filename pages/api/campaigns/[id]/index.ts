// GET /api/campaigns/:id — one campaign with client, team, status history and brief revisions
// PATCH /api/campaigns/:id — update fields; the body names the `version` it read (409 when stale)
import { withAuth } from "@/lib/api/with-auth";
import { getCampaign } from "@/lib/domain/campaigns/get-campaign";
import { updateCampaign } from "@/lib/domain/campaigns/update-campaign";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const GET = withAuth(async (_request, { ctx, params }) => json({ data: await getCampaign(ctx, params.id) }), {
  permission: "campaign.read",
});

export const PATCH = withAuth(
  async (request, { ctx, params }) => json({ data: await updateCampaign(ctx, params.id, await readJson(request)) }),
  { permission: "campaign.update" },
);

export default apiRoute({ GET, PATCH });
export const config = { api: { bodyParser: false } };
