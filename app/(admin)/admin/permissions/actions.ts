"use server";

import { authedAction } from "@/lib/auth/with-auth";
import { setPermissionOverrideSchema } from "@/lib/domain/admin/schemas";
import { setPermissionOverride } from "@/lib/domain/admin/set-permission-override";

export const setPermissionOverrideAction = authedAction(
  // The layout's navigation depends on the caller's permissions too, hence the whole admin portal.
  { permission: "permission.manage", schema: setPermissionOverrideSchema, revalidate: () => ["/admin/permissions", "/admin"] },
  async (ctx, input) => setPermissionOverride(ctx, input),
);
