// GET /api/influencers/:id/rate-cards — fees per platform and deliverable (fee as a decimal string)
// POST /api/influencers/:id/rate-cards — add a fee
import { readJson, withAuth } from "@/lib/auth/with-auth";
import { addRateCard, listRateCards } from "@/lib/domain/influencers/rate-cards";

export const GET = withAuth(async (_request, { ctx, params }) => Response.json({ data: await listRateCards(ctx, params.id) }), {
  permission: "influencer.read",
});

export const POST = withAuth(
  async (request, { ctx, params }) => Response.json({ data: await addRateCard(ctx, params.id, await readJson(request)) }, { status: 201 }),
  { permission: "influencer.manage" },
);
