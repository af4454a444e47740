// POST /api/content/artifacts/:id/comments — comment on a version ({ body, anchor?: { seconds } | { x, y, w, h }, internal? })
import { withAuth } from "@/lib/api/with-auth";
import { commentOnArtifact } from "@/lib/domain/content/comment-on-artifact";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const POST = withAuth(
  async (request, { ctx, params }) =>
    json({ data: await commentOnArtifact(ctx, params.id, await readJson(request)) }, 201),
  {
    permission: ["content.read", "creator.self"],
  },
);

export default apiRoute({ POST });
export const config = { api: { bodyParser: false } };
