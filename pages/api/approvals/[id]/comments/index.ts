// POST /api/approvals/:id/comments — comment on an approval (optionally anchored; `internal` for agency staff)
import { withAuth } from "@/lib/api/with-auth";
import { commentOnApproval } from "@/lib/domain/approvals/comment-on-approval";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const POST = withAuth(
  async (request, { ctx, params }) =>
    json({ data: await commentOnApproval(ctx, params.id, await readJson(request)) }, 201),
  { permission: "campaign.read" },
);

export default apiRoute({ POST });
export const config = { api: { bodyParser: false } };
