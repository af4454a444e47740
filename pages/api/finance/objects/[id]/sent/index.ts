// POST /api/finance/objects/:id/sent — mark a scheduled payout as sent ({ paidAt?, reference? })
import { withAuth } from "@/lib/api/with-auth";
import { markPayoutSent } from "@/lib/domain/finance/mark-payout-sent";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const POST = withAuth(
  async (request, { ctx, params }) => json({ data: await markPayoutSent(ctx, params.id, await readJson(request)) }),
  { permission: "finance.issue" },
);

export default apiRoute({ POST });
export const config = { api: { bodyParser: false } };
