// POST /api/approvals/:id/decision — decide an approval addressed to the caller (409 when no longer pending)
import { readJson, withAuth } from "@/lib/auth/with-auth";
import { decideApproval } from "@/lib/domain/approvals/decide-approval";

export const POST = withAuth(
  async (request, { ctx, params }) => Response.json({ data: await decideApproval(ctx, params.id, await readJson(request)) }),
  { permission: "approval.decide" },
);
