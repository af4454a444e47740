// POST /api/content/tasks/:id/cancel — cancel an open task ({ reason })
import { withAuth } from "@/lib/api/with-auth";
import { cancelContentTask } from "@/lib/domain/content/cancel-content-task";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const POST = withAuth(
  async (request, { ctx, params }) => json({ data: await cancelContentTask(ctx, params.id, await readJson(request)) }),
  { permission: "content.manage" },
);

export default apiRoute({ POST });
export const config = { api: { bodyParser: false } };
