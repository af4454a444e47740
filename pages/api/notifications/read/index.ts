// POST /api/notifications/read — mark the caller's notifications read ({ ids: [...] } or { all: true })
import { withAuth } from "@/lib/api/with-auth";
import { markNotificationsRead } from "@/lib/domain/notifications/mark-notifications-read";
import { apiRoute, json, readJson } from "@/lib/api/http";

export const POST = withAuth(
  async (request, { ctx }) => json({ data: await markNotificationsRead(ctx, await readJson(request)) }),
  {
    permission: "account.self",
  },
);

export default apiRoute({ POST });
export const config = { api: { bodyParser: false } };
