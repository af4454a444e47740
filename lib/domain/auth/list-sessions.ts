import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

/** The caller's own live sessions (not revoked, not expired), the current one marked. */
export async function listSessions(ctx: AuthContext) {
  if (!can(ctx, "account.self")) throw new AppError("FORBIDDEN", "You do not have permission to see your sessions");
  const sessions = await db.session.findMany({
    where: { userId: ctx.userId, agencyId: ctx.agencyId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: { id: true, ip: true, userAgent: true, createdAt: true, lastSeenAt: true, expiresAt: true },
  });
  return sessions.map((session) => ({ ...session, current: session.id === ctx.sessionId }));
}
