// POST /api/approvals/:id/decision — decide an approval addressed to the caller (409 when no longer pending)
import { withAuth } from "@/lib/api/with-auth";
import { decideApproval } from "@/lib/domain/approvals/decide-approval";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const POST = withAuth(
  async (request, { ctx, params }) => json({ data: await decideApproval(ctx, params.id, await readJson(request)) }),
  { permission: "approval.decide" },
);

export default apiRoute({ POST });
export const config = { api: { bodyParser: false } };
