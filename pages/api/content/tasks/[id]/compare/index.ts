// GET /api/content/tasks/:id/compare?from=&to= — two versions (artifact ids): text diff hunks, or both media references
import { queryObject } from "@/lib/api/query";
import { withAuth } from "@/lib/api/with-auth";
import { compareArtifacts } from "@/lib/domain/content/compare-artifacts";
import { apiRoute, json } from "@/lib/api/http";

export const GET = withAuth(
  async (request, { ctx, params }) => json({ data: await compareArtifacts(ctx, params.id, queryObject(request)) }),
  {
    permission: ["content.read", "creator.self"],
  },
);

export default apiRoute({ GET });
export const config = { api: { bodyParser: false } };
