import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

/** The agency's users with their roles, and the invitations still open. */
export async function listUsers(ctx: AuthContext) {
  if (!can(ctx, "user.read")) throw new AppError("FORBIDDEN", "You do not have permission to see users");
  const [users, invitations] = await Promise.all([
    db.user.findMany({
      where: { agencyId: ctx.agencyId },
      orderBy: { name: "asc" },
      select: {
        id: true,
        name: true,
        email: true,
        status: true,
        mfaEnabledAt: true,
        lastLoginAt: true,
        lockedUntil: true,
        roleAssignments: { select: { role: true, scopeType: true, scopeId: true } },
      },
    }),
    db.invitation.findMany({
      where: { agencyId: ctx.agencyId, acceptedAt: null, revokedAt: null },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        email: true,
        name: true,
        role: true,
        scopeType: true,
        scopeId: true,
        expiresAt: true,
        createdAt: true,
      },
    }),
  ]);
  return { users, invitations };
}
