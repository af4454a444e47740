import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";

// A user's own notifications: always filtered by the caller's id and tenant, nobody reads another's.

export const listNotificationsSchema = z.object({
  unread: z
    .enum(["true", "false"], { error: "unread must be true or false" })
    .optional()
    .transform((v) => v === "true"),
  take: z.coerce
    .number({ error: "take must be a number" })
    .int()
    .min(1, "take must be at least 1")
    .max(100, "take must be at most 100")
    .default(30),
  page: z.coerce
    .number({ error: "page must be a number" })
    .int()
    .min(1, "page must be at least 1")
    .max(10000)
    .default(1),
});

export async function listNotifications(ctx: AuthContext, raw: unknown = {}) {
  const input = listNotificationsSchema.parse(raw);
  const where = { agencyId: ctx.agencyId, userId: ctx.userId, ...(input.unread ? { readAt: null } : {}) };
  const [items, total, unread] = await Promise.all([
    db.notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: input.take,
      skip: (input.page - 1) * input.take,
      select: { id: true, type: true, title: true, body: true, link: true, readAt: true, createdAt: true },
    }),
    db.notification.count({ where }),
    countUnreadNotifications(ctx),
  ]);
  return { items, total, unread, page: input.page, pageSize: input.take };
}

export function countUnreadNotifications(ctx: Pick<AuthContext, "agencyId" | "userId">) {
  return db.notification.count({ where: { agencyId: ctx.agencyId, userId: ctx.userId, readAt: null } });
}
