// POST /api/clients/:id/restore — bring an archived client back
import { withAuth } from "@/lib/api/with-auth";
import { setClientArchived } from "@/lib/domain/clients/archive-client";
import { apiRoute, json } from "@/lib/api/http";

export const POST = withAuth(
  async (_request, { ctx, params }) => json({ data: await setClientArchived(ctx, params.id, false) }),
  {
    permission: "client.archive",
  },
);

export default apiRoute({ POST });
export const config = { api: { bodyParser: false } };
