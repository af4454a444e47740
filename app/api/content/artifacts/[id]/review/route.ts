// POST /api/content/artifacts/:id/review — internal review of a version ({ decision, note?, conditions? }), through the approval engine
import { readJson, withAuth } from "@/lib/auth/with-auth";
import { reviewArtifact } from "@/lib/domain/content/review-artifact";

export const POST = withAuth(async (request, { ctx, params }) => Response.json({ data: await reviewArtifact(ctx, params.id, await readJson(request)) }), { permission: "content.review" });
