import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import { forgetCallerContexts } from "@/lib/auth/context-cache";
import type { AuthContext } from "@/lib/auth/context";
import { can, LOCKED_PERMISSIONS, ROLE_DEFAULTS, type Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { setPermissionOverrideSchema } from "./schemas";

/** Switches one permission flag for one role in the caller's agency (or returns it to the default). */
export async function setPermissionOverride(ctx: AuthContext, raw: z.input<typeof setPermissionOverrideSchema>) {
  if (!can(ctx, "permission.manage"))
    throw new AppError("FORBIDDEN", "You do not have permission to change permissions");
  const input = setPermissionOverrideSchema.parse(raw);
  const permission = input.permission as Permission;
  if (input.allowed === false && LOCKED_PERMISSIONS[input.role]?.includes(permission)) {
    throw new AppError(
      "UNPROCESSABLE",
      `${permission} cannot be taken from ${input.role}: the agency would lock itself out`,
      {
        fields: { permission: "This flag is locked for this role" },
      },
    );
  }
  const isDefault = ROLE_DEFAULTS[input.role].includes(permission);
  const result = await db.$transaction(async (tx) => {
    const where = { agencyId_role_permission: { agencyId: ctx.agencyId, role: input.role, permission } };
    const before = await tx.permissionOverride.findUnique({ where });
    let recordId = before?.id ?? null;
    // An override equal to the default is no override: keep the table to real differences.
    if (input.allowed === null || input.allowed === isDefault) {
      if (before) await tx.permissionOverride.delete({ where });
    } else {
      const saved = await tx.permissionOverride.upsert({
        where,
        create: {
          agencyId: ctx.agencyId,
          role: input.role,
          permission,
          allowed: input.allowed,
          updatedById: ctx.userId,
        },
        update: { allowed: input.allowed, updatedById: ctx.userId },
      });
      recordId = saved.id;
    }
    const effective = input.allowed ?? isDefault;
    await writeAudit(tx, ctx, {
      action: "permission.override",
      model: "PermissionOverride",
      recordId,
      display: `${input.role} ${permission}`,
      before: { allowed: before ? before.allowed : isDefault },
      after: { allowed: effective },
    });
    return { role: input.role, permission, allowed: effective, overridden: effective !== isDefault };
  });
  forgetCallerContexts({ agencyId: ctx.agencyId });
  return result;
}
