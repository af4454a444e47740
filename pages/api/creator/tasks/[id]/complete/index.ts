// PATCH /api/creator/tasks/:id/complete — the influencer reports approved content as published ({ publishedUrl, publishedAt? })
import { withAuth } from "@/lib/api/with-auth";
import { completeCreatorTask } from "@/lib/domain/content/complete-creator-task";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const PATCH = withAuth(
  async (request, { ctx, params }) =>
    json({ data: await completeCreatorTask(ctx, params.id, await readJson(request)) }),
  { permission: "creator.self" },
);

export default apiRoute({ PATCH });
export const config = { api: { bodyParser: false } };
