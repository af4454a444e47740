import "server-only";
import type { AuthContext } from "@/lib/auth/context";
import { scopeOf } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { campaignScope } from "@/lib/domain/campaigns/scope";

/**
 * The approvals addressed to the caller: to them by name, or to a role and scope they hold with
 * `approval.decide` (a client user holds CLIENT scoped to their client). AGENCY-wide items carry no scope id.
 */
export function addressedToCaller(ctx: AuthContext): Prisma.ApprovalItemWhereInput {
  const or: Prisma.ApprovalItemWhereInput[] = [{ approverUserId: ctx.userId }];
  for (const grant of ctx.grants) {
    // Finance approvers (FIN) decide only finance steps, addressed to their role, with finance.approve.
    if (!grant.permissions.has("approval.decide") && !grant.permissions.has("finance.approve")) continue;
    or.push({
      approverUserId: null,
      approverRole: grant.role,
      approverScopeType: grant.scopeType,
      approverScopeId: grant.scopeType === "AGENCY" ? null : grant.scopeId,
    });
  }
  return { agencyId: ctx.agencyId, OR: or };
}

/** Agency staff read every approval of the campaigns they see; others (client users) only what is addressed to them. */
export function isAgencyStaff(ctx: AuthContext): boolean {
  return scopeOf(ctx, "campaign.read")?.agencyWide === true;
}

/**
 * The approvals the caller may read, always inside the tenant: staff see those of their campaigns and those
 * addressed to them; a client user only those addressed to them on their own client's campaigns.
 * An approval outside it does not exist for the caller (404).
 */
export function approvalScope(ctx: AuthContext): Prisma.ApprovalItemWhereInput {
  const campaigns = campaignScope(ctx, "campaign.read");
  if (isAgencyStaff(ctx)) return { agencyId: ctx.agencyId, OR: [{ campaign: { is: campaigns } }, addressedToCaller(ctx)] };
  return { agencyId: ctx.agencyId, AND: [{ campaign: { is: campaigns } }, addressedToCaller(ctx)] };
}
