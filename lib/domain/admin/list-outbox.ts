import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

/** E-mails the app stored for this agency, newest first (the development outbox). */
export async function listOutbox(ctx: AuthContext, options: { take?: number } = {}) {
  if (!can(ctx, "outbox.read")) throw new AppError("FORBIDDEN", "You do not have permission to read the outbox");
  return db.emailMessage.findMany({
    where: { agencyId: ctx.agencyId },
    orderBy: { createdAt: "desc" },
    take: Math.min(options.take ?? 50, 200),
  });
}
