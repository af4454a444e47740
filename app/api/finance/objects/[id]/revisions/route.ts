// GET /api/finance/objects/:id/revisions — the revision history (snapshots, reason, who); with ?from=&to= the differences between two
import { queryObject } from "@/lib/api/query";
import { withAuth } from "@/lib/auth/with-auth";
import { compareRevisions, listRevisions } from "@/lib/domain/finance/compare-revisions";

export const GET = withAuth(
  async (request, { ctx, params }) => {
    const query = queryObject(request);
    if (query.from !== undefined || query.to !== undefined) return Response.json({ data: await compareRevisions(ctx, params.id, query) });
    return Response.json({ data: await listRevisions(ctx, params.id) });
  },
  { permission: "finance.read" },
);
