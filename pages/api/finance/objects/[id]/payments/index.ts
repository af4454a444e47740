// POST /api/finance/objects/:id/payments — record a (partial) payment of an issued client invoice
import { withAuth } from "@/lib/api/with-auth";
import { recordPayment } from "@/lib/domain/finance/record-payment";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const POST = withAuth(
  async (request, { ctx, params }) => json({ data: await recordPayment(ctx, params.id, await readJson(request)) }),
  { permission: "finance.issue" },
);

export default apiRoute({ POST });
export const config = { api: { bodyParser: false } };
