// POST /api/clients/:id/restore — bring an archived client back
import { withAuth } from "@/lib/auth/with-auth";
import { setClientArchived } from "@/lib/domain/clients/archive-client";

export const POST = withAuth(async (_request, { ctx, params }) => Response.json({ data: await setClientArchived(ctx, params.id, false) }), {
  permission: "client.archive",
});
