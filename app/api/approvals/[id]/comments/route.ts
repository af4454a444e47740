// POST /api/approvals/:id/comments — comment on an approval (optionally anchored; `internal` for agency staff)
import { readJson, withAuth } from "@/lib/auth/with-auth";
import { commentOnApproval } from "@/lib/domain/approvals/comment-on-approval";

export const POST = withAuth(
  async (request, { ctx, params }) => Response.json({ data: await commentOnApproval(ctx, params.id, await readJson(request)) }, { status: 201 }),
  { permission: "campaign.read" },
);
