// GET /api/campaigns/:id/transitions — the moves from the current status, with their guards evaluated now
// POST /api/campaigns/:id/transitions — move the campaign { to, reason }; 409 names the guard that failed
import { withAuth } from "@/lib/api/with-auth";
import { getCampaignTransitions } from "@/lib/domain/campaigns/get-campaign-transitions";
import { transitionCampaign, TransitionRefusedError } from "@/lib/domain/campaigns/transition-campaign";
import { toErrorBody } from "@/lib/errors";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const GET = withAuth(
  async (_request, { ctx, params }) => json({ data: await getCampaignTransitions(ctx, params.id) }),
  {
    permission: "campaign.read",
  },
);

export const POST = withAuth(
  async (request, { ctx, params }) => {
    try {
      return json({ data: await transitionCampaign(ctx, params.id, await readJson(request)) }, 201);
    } catch (error) {
      if (!(error instanceof TransitionRefusedError)) throw error;
      const body = toErrorBody(error);
      return json({ error: { ...body.error, guard: error.guard, guards: error.guards } }, 409);
    }
  },
  { permission: "campaign.transition" },
);

export default apiRoute({ GET, POST });
export const config = { api: { bodyParser: false } };
