// POST /api/content/artifacts/:id/review — internal review of a version ({ decision, note?, conditions? }), through the approval engine
import { withAuth } from "@/lib/api/with-auth";
import { reviewArtifact } from "@/lib/domain/content/review-artifact";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const POST = withAuth(
  async (request, { ctx, params }) => json({ data: await reviewArtifact(ctx, params.id, await readJson(request)) }),
  { permission: "content.review" },
);

export default apiRoute({ POST });
export const config = { api: { bodyParser: false } };
