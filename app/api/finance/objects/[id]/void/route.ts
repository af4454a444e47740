// POST /api/finance/objects/:id/void — void with a reason (an invoice keeps its number)
import { readJson, withAuth } from "@/lib/auth/with-auth";
import { voidFinancialObject } from "@/lib/domain/finance/void-financial-object";

export const POST = withAuth(async (request, { ctx, params }) => Response.json({ data: await voidFinancialObject(ctx, params.id, await readJson(request)) }), { permission: "finance.issue" });
