import type { AuthContext } from "@/lib/auth/context";
import { can, type Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

/**
 * The first gate of every entry point (lib/api/with-auth.ts for handlers, lib/actions/action.ts for server
 * actions): the permission, or any one of a list. The domain function checks again and scopes its query.
 */
export function assertPermission(ctx: AuthContext, permission: Permission | readonly Permission[]) {
  const any = typeof permission === "string" ? [permission] : permission;
  if (!any.some((p) => can(ctx, p))) throw new AppError("FORBIDDEN", "You do not have permission to do this");
}
