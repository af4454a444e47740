// GET /api/approvals/:id — one approval with its subject snapshot, line decisions and comment thread
import { withAuth } from "@/lib/auth/with-auth";
import { getApproval } from "@/lib/domain/approvals/get-approval";

export const GET = withAuth(async (_request, { ctx, params }) => Response.json({ data: await getApproval(ctx, params.id) }), {
  permission: "campaign.read",
});
