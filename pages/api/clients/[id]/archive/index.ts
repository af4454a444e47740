// POST /api/clients/:id/archive — archive a client (kept with its history, hidden from default lists)
import { withAuth } from "@/lib/api/with-auth";
import { setClientArchived } from "@/lib/domain/clients/archive-client";
import { apiRoute, json } from "@/lib/api/http";

export const POST = withAuth(
  async (_request, { ctx, params }) => json({ data: await setClientArchived(ctx, params.id, true) }),
  {
    permission: "client.archive",
  },
);

export default apiRoute({ POST });
export const config = { api: { bodyParser: false } };
