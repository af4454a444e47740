// POST /api/content/tasks/:id/publication — record the post URL, date and figures of an approved task
import { withAuth } from "@/lib/api/with-auth";
import { recordPublication } from "@/lib/domain/content/record-publication";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const POST = withAuth(
  async (request, { ctx, params }) => json({ data: await recordPublication(ctx, params.id, await readJson(request)) }),
  {
    permission: "content.manage",
  },
);

export default apiRoute({ POST });
export const config = { api: { bodyParser: false } };
