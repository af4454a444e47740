import "server-only";
import type { AuthContext } from "@/lib/auth/context";
import { scopeOf, type Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The Prisma `where` of the clients the caller may touch with `permission`: the tenant always, and for
 * client-scoped roles only their own clients. A client outside it does not exist for the caller.
 */
export function clientScope(ctx: AuthContext, permission: Permission): Prisma.ClientWhereInput {
  const scope = scopeOf(ctx, permission);
  if (!scope) throw new AppError("FORBIDDEN", "You do not have permission to do this");
  if (scope.agencyWide) return { agencyId: ctx.agencyId };
  return { agencyId: ctx.agencyId, id: { in: scope.clientIds } };
}

/** True when the caller holds the permission across the whole agency (staff, not a client user). */
export function isAgencyWide(ctx: AuthContext, permission: Permission): boolean {
  return scopeOf(ctx, permission)?.agencyWide === true;
}
