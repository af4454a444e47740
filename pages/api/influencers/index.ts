// GET /api/influencers — search the directory (text term with typo tolerance, filters, sort, page)
// POST /api/influencers — create a STUB profile (display name + one handle)
import { queryObject } from "@/lib/api/query";
import { withAuth } from "@/lib/api/with-auth";
import { createStubInfluencer } from "@/lib/domain/influencers/create-stub-influencer";
import { toInfluencerView } from "@/lib/domain/influencers/influencer-view";
import { searchInfluencers } from "@/lib/domain/influencers/search-influencers";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const GET = withAuth(
  async (request, { ctx }) => {
    const { items, ...page } = await searchInfluencers(ctx, queryObject(request));
    return json({ data: items, page });
  },
  { permission: "influencer.read" },
);

export const POST = withAuth(
  async (request, { ctx }) =>
    json({ data: toInfluencerView(await createStubInfluencer(ctx, await readJson(request))) }, 201),
  { permission: "influencer.manage" },
);

export default apiRoute({ GET, POST });
export const config = { api: { bodyParser: false } };
