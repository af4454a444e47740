import "server-only";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import { forgetCallerContexts } from "@/lib/auth/context-cache";
import type { AuthContext } from "@/lib/auth/context";

/** Ends the caller's current session, or all of their sessions ("sign out everywhere"). */
export async function revokeSessions(ctx: AuthContext, options: { everywhere: boolean }) {
  const result = await db.$transaction(async (tx) => {
    const where = options.everywhere
      ? { userId: ctx.userId, agencyId: ctx.agencyId, revokedAt: null }
      : { id: ctx.sessionId ?? "00000000-0000-0000-0000-000000000000", userId: ctx.userId, revokedAt: null };
    const result = await tx.session.updateMany({ where, data: { revokedAt: new Date() } });
    await writeAudit(
      tx,
      { agencyId: ctx.agencyId, userId: ctx.userId, email: ctx.email, ip: ctx.ip },
      {
        action: options.everywhere ? "auth.logout.everywhere" : "auth.logout",
        model: "Session",
        recordId: options.everywhere ? null : ctx.sessionId,
        display: `${result.count} session(s)`,
      },
    );
    return { revoked: result.count };
  });
  forgetCallerContexts({ userId: ctx.userId });
  return result;
}
