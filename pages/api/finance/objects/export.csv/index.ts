// GET /api/finance/objects/export.csv — the list (same filters) as CSV: amounts as numbers, currency column; audited
import { queryObject } from "@/lib/api/query";
import { withAuth } from "@/lib/api/with-auth";
import { exportFinancialObjectsCsv } from "@/lib/domain/finance/export-financial-objects";
import { apiRoute } from "@/lib/api/http";

export const GET = withAuth(
  async (request, { ctx }) => {
    const stream = await exportFinancialObjectsCsv(ctx, queryObject(request));
    const day = new Date().toISOString().slice(0, 10);
    return new Response(stream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="finance-${day}.csv"`,
        "cache-control": "no-store",
      },
    });
  },
  { permission: "finance.read" },
);

export default apiRoute({ GET });
export const config = { api: { bodyParser: false, responseLimit: false } };
