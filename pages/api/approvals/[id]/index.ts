// GET /api/approvals/:id — one approval with its subject snapshot, line decisions and comment thread
import { withAuth } from "@/lib/api/with-auth";
import { getApproval } from "@/lib/domain/approvals/get-approval";
import { apiRoute, json } from "@/lib/api/http";

export const GET = withAuth(async (_request, { ctx, params }) => json({ data: await getApproval(ctx, params.id) }), {
  permission: "campaign.read",
});

export default apiRoute({ GET });
export const config = { api: { bodyParser: false } };
