// GET /api/campaigns — list campaigns in the caller's scope (filters, sort, page or cursor)
// POST /api/campaigns — create a campaign (DRAFT)
import { queryObject } from "@/lib/api/query";
import { withAuth } from "@/lib/api/with-auth";
import { createCampaign } from "@/lib/domain/campaigns/create-campaign";
import { listCampaigns } from "@/lib/domain/campaigns/list-campaigns";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const GET = withAuth(
  async (request, { ctx }) => {
    const { items, ...page } = await listCampaigns(ctx, queryObject(request));
    return json({ data: items, page });
  },
  { permission: "campaign.read" },
);

export const POST = withAuth(
  async (request, { ctx }) => json({ data: await createCampaign(ctx, await readJson(request)) }, 201),
  { permission: "campaign.create" },
);

export default apiRoute({ GET, POST });
export const config = { api: { bodyParser: false } };
