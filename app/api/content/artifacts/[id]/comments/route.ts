// POST /api/content/artifacts/:id/comments — comment on a version ({ body, anchor?: { seconds } | { x, y, w, h }, internal? })
import { readJson, withAuth } from "@/lib/auth/with-auth";
import { commentOnArtifact } from "@/lib/domain/content/comment-on-artifact";

export const POST = withAuth(async (request, { ctx, params }) => Response.json({ data: await commentOnArtifact(ctx, params.id, await readJson(request)) }, { status: 201 }), {
  permission: ["content.read", "creator.self"],
});
