// POST /api/campaigns/:id/content-metrics — import post figures from CSV (text/csv body or JSON { csv }); row errors by line and column
import { readCsvBody } from "@/lib/api/read-csv-body";
import { withAuth } from "@/lib/api/with-auth";
import { importMetricsCsv } from "@/lib/domain/content/import-metrics";
import { apiRoute, json } from "@/lib/api/http";

export const POST = withAuth(
  async (request, { ctx, params }) =>
    json({ data: await importMetricsCsv(ctx, params.id, await readCsvBody(request)) }),
  {
    permission: "content.manage",
  },
);

export default apiRoute({ POST });
export const config = { api: { bodyParser: false } };
