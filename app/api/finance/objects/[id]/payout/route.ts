// POST /api/finance/objects/:id/payout — schedule a payout of an approved influencer invoice ({ scheduledFor, amount? })
import { readJson, withAuth } from "@/lib/auth/with-auth";
import { schedulePayout } from "@/lib/domain/finance/schedule-payout";

export const POST = withAuth(async (request, { ctx, params }) => Response.json({ data: await schedulePayout(ctx, params.id, await readJson(request)) }), { permission: "finance.issue" });
