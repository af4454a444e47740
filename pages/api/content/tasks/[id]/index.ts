// GET /api/content/tasks/:id — one task with its versions, reviews and threads as the caller may see them
// PATCH /api/content/tasks/:id — edit title, instructions, due date, or schedule an approved task ({ version, … })
import { withAuth } from "@/lib/api/with-auth";
import { getContentTask } from "@/lib/domain/content/get-content-task";
import { updateContentTask } from "@/lib/domain/content/update-content-task";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const GET = withAuth(async (_request, { ctx, params }) => json({ data: await getContentTask(ctx, params.id) }), {
  permission: ["content.read", "creator.self"],
});

export const PATCH = withAuth(
  async (request, { ctx, params }) => json({ data: await updateContentTask(ctx, params.id, await readJson(request)) }),
  {
    permission: "content.manage",
  },
);

export default apiRoute({ GET, PATCH });
export const config = { api: { bodyParser: false } };
