// GET /api/campaigns/:id/content-tasks — the campaign's content tasks (?status=&cursor=&take=; ?view=board for columns by status)
// POST /api/campaigns/:id/content-tasks — create a task for a contracted influencer and offer it
import { queryObject } from "@/lib/api/query";
import { withAuth } from "@/lib/api/with-auth";
import { createContentTask } from "@/lib/domain/content/create-content-task";
import { getCampaignContentBoard, listCampaignTasks } from "@/lib/domain/content/list-campaign-tasks";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const GET = withAuth(
  async (request, { ctx, params }) => {
    const { view, ...query } = queryObject(request);
    if (view === "board") return json({ data: await getCampaignContentBoard(ctx, params.id) });
    const { items, ...page } = await listCampaignTasks(ctx, params.id, query);
    return json({ data: items, page });
  },
  { permission: "content.read" },
);

export const POST = withAuth(
  async (request, { ctx, params }) => {
    const body = await readJson(request);
    const fields = body && typeof body === "object" && !Array.isArray(body) ? body : {};
    return json({ data: await createContentTask(ctx, { ...fields, campaignId: params.id }) }, 201);
  },
  { permission: "content.manage" },
);

export default apiRoute({ GET, POST });
export const config = { api: { bodyParser: false } };
