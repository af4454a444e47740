import type { AuthContext } from "@/lib/auth/context";
import { can, scopeOf, type Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The Prisma `where` of the campaigns the caller may touch with `permission`, always inside the tenant:
 * - holders of `campaign.read.all` (DIR, ADM, FIN by default): every campaign of the agency;
 * - an agency-wide grant otherwise (CM): campaigns they own or direct;
 * - CAMPAIGN-scoped grants: those campaigns; CLIENT-scoped grants (client users): their client's campaigns.
 * A campaign outside it does not exist for the caller (404).
 */
export function campaignScope(ctx: AuthContext, permission: Permission): Prisma.CampaignWhereInput {
  const scope = scopeOf(ctx, permission);
  if (!scope) throw new AppError("FORBIDDEN", "You do not have permission to do this");
  const seesAll = scopeOf(ctx, "campaign.read.all")?.agencyWide === true && can(ctx, permission);
  if (seesAll) return { agencyId: ctx.agencyId };
  const or: Prisma.CampaignWhereInput[] = [];
  if (scope.agencyWide) or.push({ ownerId: ctx.userId }, { directorId: ctx.userId });
  else {
    if (scope.campaignIds.length) or.push({ id: { in: scope.campaignIds } });
    if (scope.clientIds.length) or.push({ clientId: { in: scope.clientIds } });
  }
  // Campaign-scoped grants add to an agency-wide one (a CM may also be put on a colleague's campaign).
  const extra = ctx.grants.filter((g) => g.scopeType === "CAMPAIGN" && g.scopeId && g.permissions.has(permission)).map((g) => g.scopeId as string);
  if (scope.agencyWide && extra.length) or.push({ id: { in: extra } });
  return { agencyId: ctx.agencyId, OR: or.length ? or : [{ id: { in: [] } }] };
}
