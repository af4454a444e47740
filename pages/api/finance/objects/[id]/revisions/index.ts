// GET /api/finance/objects/:id/revisions — the revision history (snapshots, reason, who); with ?from=&to= the differences between two
import { queryObject } from "@/lib/api/query";
import { withAuth } from "@/lib/api/with-auth";
import { compareRevisions, listRevisions } from "@/lib/domain/finance/compare-revisions";
import { apiRoute, json } from "@/lib/api/http";

export const GET = withAuth(
  async (request, { ctx, params }) => {
    const query = queryObject(request);
    if (query.from !== undefined || query.to !== undefined)
      return json({ data: await compareRevisions(ctx, params.id, query) });
    return json({ data: await listRevisions(ctx, params.id) });
  },
  { permission: "finance.read" },
);

export default apiRoute({ GET });
export const config = { api: { bodyParser: false } };
