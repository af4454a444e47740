// GET /api/clients/:id/timeline — the client's activity from the audit log (agency staff only)
import { withAuth } from "@/lib/api/with-auth";
import { getClientTimeline } from "@/lib/domain/clients/get-client-timeline";
import { apiRoute, json } from "@/lib/api/http";

export const GET = withAuth(
  async (_request, { ctx, params }) => json({ data: await getClientTimeline(ctx, params.id) }),
  {
    permission: "client.read",
  },
);

export default apiRoute({ GET });
export const config = { api: { bodyParser: false } };
