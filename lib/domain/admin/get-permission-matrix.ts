import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import {
  ALL_PERMISSIONS,
  can,
  PERMISSIONS,
  permissionsForRole,
  ROLE_DEFAULTS,
  LOCKED_PERMISSIONS,
} from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { ROLE_VALUES } from "@/lib/domain/auth/schemas";

/** Every role × permission of the caller's agency: effective value, default, and whether it is locked. */
export async function getPermissionMatrix(ctx: AuthContext) {
  if (!can(ctx, "permission.manage")) throw new AppError("FORBIDDEN", "You do not have permission to see permissions");
  const overrides = await db.permissionOverride.findMany({
    where: { agencyId: ctx.agencyId },
    select: { role: true, permission: true, allowed: true },
  });
  return {
    roles: ROLE_VALUES,
    permissions: ALL_PERMISSIONS.map((permission) => ({
      permission,
      description: PERMISSIONS[permission],
      byRole: Object.fromEntries(
        ROLE_VALUES.map((role) => {
          const allowed = permissionsForRole(role, overrides).has(permission);
          const byDefault = ROLE_DEFAULTS[role].includes(permission);
          return [role, { allowed, byDefault, locked: LOCKED_PERMISSIONS[role]?.includes(permission) ?? false }];
        }),
      ),
    })),
  };
}
