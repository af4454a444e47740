// GET /api/creator/revenue-summary — the signed-in creator's earnings: rounded totals, monthly trend, deals (no invoice numbers, dates or notes)
import { withAuth } from "@/lib/api/with-auth";
import { getCreatorRevenueSummary, type CreatorRevenueSummary } from "@/lib/domain/creator/get-revenue-summary";
import { apiRoute, json } from "@/lib/api/http";

export const GET = withAuth(
  async (_request, { ctx }) => {
    const data: CreatorRevenueSummary = await getCreatorRevenueSummary(ctx);
    return json({ data });
  },
  { permission: "creator.self" },
);

export default apiRoute({ GET });
export const config = { api: { bodyParser: false } };
