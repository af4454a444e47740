// GET /api/influencers/export.csv — the current search (same query parameters) as CSV; audited
import { queryObject } from "@/lib/api/query";
import { withAuth } from "@/lib/api/with-auth";
import { exportInfluencersCsv } from "@/lib/domain/influencers/export-influencers";
import { apiRoute } from "@/lib/api/http";

export const GET = withAuth(
  async (request, { ctx }) => {
    const stream = await exportInfluencersCsv(ctx, queryObject(request));
    const day = new Date().toISOString().slice(0, 10);
    return new Response(stream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="influencers-${day}.csv"`,
        "cache-control": "no-store",
      },
    });
  },
  { permission: "influencer.read" },
);

export default apiRoute({ GET });
export const config = { api: { bodyParser: false, responseLimit: false } };
