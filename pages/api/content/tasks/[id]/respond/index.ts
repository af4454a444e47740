// POST /api/content/tasks/:id/respond — the influencer accepts or declines an offered task ({ accept, reason? })
import { withAuth } from "@/lib/api/with-auth";
import { respondToTask } from "@/lib/domain/content/respond-to-task";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const POST = withAuth(
  async (request, { ctx, params }) => json({ data: await respondToTask(ctx, params.id, await readJson(request)) }),
  { permission: "creator.self" },
);

export default apiRoute({ POST });
export const config = { api: { bodyParser: false } };
