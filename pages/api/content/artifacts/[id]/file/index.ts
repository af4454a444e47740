// GET /api/content/artifacts/:id/file — the version's file for a caller who may see it; Range requests (206/416) so videos seek; ?download=1 for an attachment
import { withAuth } from "@/lib/api/with-auth";
import { artifactFileResponse } from "@/lib/domain/content/artifact-file";
import { apiRoute } from "@/lib/api/http";

export const GET = withAuth(
  async (request, { ctx, params }) =>
    artifactFileResponse(
      ctx,
      params.id,
      request.headers.get("range"),
      new URL(request.url).searchParams.get("download") === "1",
    ),
  { permission: ["content.read", "creator.self"] },
);

export default apiRoute({ GET });
export const config = { api: { bodyParser: false, responseLimit: false } };
