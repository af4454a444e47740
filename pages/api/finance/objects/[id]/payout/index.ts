// POST /api/finance/objects/:id/payout — schedule a payout of an approved influencer invoice ({ scheduledFor, amount? })
import { withAuth } from "@/lib/api/with-auth";
import { schedulePayout } from "@/lib/domain/finance/schedule-payout";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const POST = withAuth(
  async (request, { ctx, params }) => json({ data: await schedulePayout(ctx, params.id, await readJson(request)) }),
  { permission: "finance.issue" },
);

export default apiRoute({ POST });
export const config = { api: { bodyParser: false } };
