// GET /api/creator/tasks — the influencer's own content tasks (?status=&cursor=&take=) with fee, due date and next step
import { queryObject } from "@/lib/api/query";
import { withAuth } from "@/lib/api/with-auth";
import { listCreatorTasks } from "@/lib/domain/content/list-creator-tasks";
import { apiRoute, json } from "@/lib/api/http";

export const GET = withAuth(
  async (request, { ctx }) => {
    const { items, ...page } = await listCreatorTasks(ctx, queryObject(request));
    return json({ data: items, page });
  },
  { permission: "creator.self" },
);

export default apiRoute({ GET });
export const config = { api: { bodyParser: false } };
