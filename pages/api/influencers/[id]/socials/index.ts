// GET /api/influencers/:id/socials — the influencer's social accounts
// POST /api/influencers/:id/socials — add one (a handle is unique per agency and platform: 409 on `handle`)
import { withAuth } from "@/lib/api/with-auth";
import { addSocialAccount, listSocialAccounts } from "@/lib/domain/influencers/social-accounts";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const GET = withAuth(
  async (_request, { ctx, params }) => json({ data: await listSocialAccounts(ctx, params.id) }),
  {
    permission: "influencer.read",
  },
);

export const POST = withAuth(
  async (request, { ctx, params }) =>
    json({ data: await addSocialAccount(ctx, params.id, await readJson(request)) }, 201),
  { permission: "influencer.manage" },
);

export default apiRoute({ GET, POST });
export const config = { api: { bodyParser: false } };
