"use server";

import "server-only";
import { authedAction } from "@/lib/actions/action";
import { setPermissionOverrideSchema } from "@/lib/domain/admin/schemas";
import { setPermissionOverride } from "@/lib/domain/admin/set-permission-override";
import { invitationSchema } from "@/lib/domain/auth/schemas";
import { createInvitation } from "@/lib/domain/users/create-invitation";
import { revokeInvitation, revokeInvitationSchema } from "@/lib/domain/users/revoke-invitation";
import { unlockUser, unlockUserSchema } from "@/lib/domain/users/unlock-user";

// The admin portal: invitations and locked accounts (/admin/users), permission overrides (/admin/permissions).

const changed = () => ["/admin/users", "/admin/outbox", "/admin"];

export const inviteUserAction = authedAction(
  { permission: "user.manage", schema: invitationSchema, revalidate: changed },
  async (ctx, input) => createInvitation(ctx, input),
);

export const revokeInvitationAction = authedAction(
  { permission: "user.manage", schema: revokeInvitationSchema, revalidate: changed },
  async (ctx, input) => revokeInvitation(ctx, input),
);

export const unlockUserAction = authedAction(
  { permission: "user.manage", schema: unlockUserSchema, revalidate: changed },
  async (ctx, input) => unlockUser(ctx, input),
);

export const setPermissionOverrideAction = authedAction(
  // The layout's navigation depends on the caller's permissions too, hence the whole admin portal.
  {
    permission: "permission.manage",
    schema: setPermissionOverrideSchema,
    revalidate: () => ["/admin/permissions", "/admin"],
  },
  async (ctx, input) => setPermissionOverride(ctx, input),
);
