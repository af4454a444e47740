// GET /api/campaigns/:id/approvals — the campaign's approvals with their threads
// POST /api/campaigns/:id/approvals — send the brief or the shortlist for approval ({ type })
import { withAuth } from "@/lib/api/with-auth";
import { listCampaignApprovals } from "@/lib/domain/approvals/list-campaign-approvals";
import { requestApproval } from "@/lib/domain/approvals/request-approval";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const GET = withAuth(
  async (_request, { ctx, params }) => json({ data: await listCampaignApprovals(ctx, params.id) }),
  {
    permission: "campaign.read",
  },
);

export const POST = withAuth(
  async (request, { ctx, params }) =>
    json({ data: await requestApproval(ctx, params.id, await readJson(request)) }, 201),
  { permission: "approval.request" },
);

export default apiRoute({ GET, POST });
export const config = { api: { bodyParser: false } };
