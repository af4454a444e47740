// GET /api/approvals — the caller's approval queue (addressed to them; pending by default; paginated)
import { queryObject } from "@/lib/api/query";
import { withAuth } from "@/lib/api/with-auth";
import { listApprovalQueue } from "@/lib/domain/approvals/list-approval-queue";
import { apiRoute, json } from "@/lib/api/http";

export const GET = withAuth(
  async (request, { ctx }) => {
    const { items, ...page } = await listApprovalQueue(ctx, queryObject(request));
    return json({ data: items, page });
  },
  { permission: "approval.decide" },
);

export default apiRoute({ GET });
export const config = { api: { bodyParser: false } };
