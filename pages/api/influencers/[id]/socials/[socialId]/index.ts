// PATCH /api/influencers/:id/socials/:socialId — edit a social account (followers, engagement, handle, …)
// DELETE /api/influencers/:id/socials/:socialId — remove it (the last one stays)
import { withAuth } from "@/lib/api/with-auth";
import { removeSocialAccount, updateSocialAccount } from "@/lib/domain/influencers/social-accounts";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const PATCH = withAuth(
  async (request, { ctx, params }) =>
    json({ data: await updateSocialAccount(ctx, params.id, params.socialId, await readJson(request)) }),
  { permission: "influencer.manage" },
);

export const DELETE = withAuth(
  async (_request, { ctx, params }) => json({ data: await removeSocialAccount(ctx, params.id, params.socialId) }),
  {
    permission: "influencer.manage",
  },
);

export default apiRoute({ PATCH, DELETE });
export const config = { api: { bodyParser: false } };
