// POST /api/finance/objects/:id/issue — issue an approved client invoice: next gapless number INV-<year>-<00001>
import { withAuth } from "@/lib/api/with-auth";
import { issueInvoice } from "@/lib/domain/finance/issue-invoice";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const POST = withAuth(
  async (request, { ctx, params }) => json({ data: await issueInvoice(ctx, params.id, await readJson(request)) }),
  { permission: "finance.issue" },
);

export default apiRoute({ POST });
export const config = { api: { bodyParser: false } };
