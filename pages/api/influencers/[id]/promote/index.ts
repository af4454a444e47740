// POST /api/influencers/:id/promote — STUB → FULL with the full set of fields and the `version` read
import { withAuth } from "@/lib/api/with-auth";
import { promoteInfluencer } from "@/lib/domain/influencers/promote-influencer";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const POST = withAuth(
  async (request, { ctx, params }) => json({ data: await promoteInfluencer(ctx, params.id, await readJson(request)) }),
  { permission: "influencer.manage" },
);

export default apiRoute({ POST });
export const config = { api: { bodyParser: false } };
