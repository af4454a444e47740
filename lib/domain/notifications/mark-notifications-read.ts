import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";

export const markReadSchema = z.union(
  [
    z.object({ all: z.literal(true), ids: z.undefined().optional() }).strict(),
    z
      .object({
        ids: z
          .array(z.uuid({ error: "Not a valid notification id" }))
          .min(1, "Name at least one notification")
          .max(200, "At most 200 at once"),
      })
      .strict(),
  ],
  { error: "Send { ids: [...] } or { all: true }" },
);

/** Marks the caller's own notifications read (named ones, or all). Others' ids are simply not matched. */
export async function markNotificationsRead(ctx: AuthContext, raw: unknown) {
  const input = markReadSchema.parse(raw);
  const result = await db.notification.updateMany({
    where: {
      agencyId: ctx.agencyId,
      userId: ctx.userId,
      readAt: null,
      ...("ids" in input && input.ids ? { id: { in: input.ids } } : {}),
    },
    data: { readAt: new Date() },
  });
  return { updated: result.count };
}
