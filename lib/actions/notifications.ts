"use server";

import "server-only";
import { authedAction } from "@/lib/actions/action";
import { markNotificationsRead, markReadSchema } from "@/lib/domain/notifications/mark-notifications-read";

export const markNotificationsReadAction = authedAction(
  { permission: "account.self", schema: markReadSchema, revalidate: () => ["/notifications"] },
  (ctx, input) => markNotificationsRead(ctx, input),
);
