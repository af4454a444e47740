// GET /api/notifications — the caller's own notifications, newest first, with the unread count
import { queryObject } from "@/lib/api/query";
import { withAuth } from "@/lib/api/with-auth";
import { listNotifications } from "@/lib/domain/notifications/list-notifications";
import { apiRoute, json } from "@/lib/api/http";

export const GET = withAuth(
  async (request, { ctx }) => {
    const { items, ...page } = await listNotifications(ctx, queryObject(request));
    return json({ data: items, page });
  },
  { permission: "account.self" },
);

export default apiRoute({ GET });
export const config = { api: { bodyParser: false } };
