"use server";

import { authedAction } from "@/lib/auth/with-auth";
import { invitationSchema } from "@/lib/domain/auth/schemas";
import { createInvitation } from "@/lib/domain/users/create-invitation";
import { revokeInvitation, revokeInvitationSchema } from "@/lib/domain/users/revoke-invitation";
import { unlockUser, unlockUserSchema } from "@/lib/domain/users/unlock-user";

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
