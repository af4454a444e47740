import "server-only";
import type { AuthContext } from "@/lib/auth/context";
import { can, scopeOf, type Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

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
  const extra = ctx.grants
    .filter((g) => g.scopeType === "CAMPAIGN" && g.scopeId && g.permissions.has(permission))
    .map((g) => g.scopeId as string);
  if (scope.agencyWide && extra.length) or.push({ id: { in: extra } });
  return { agencyId: ctx.agencyId, OR: or.length ? or : [{ id: { in: [] } }] };
}

/**
 * The same scope as campaignScope, as a condition of a hand-written statement on the campaign alias `c` (the
 * hot reads of lib/db/sql.ts). Lists of ids are one array parameter each, so the text depends only on the kind
 * of caller (sees all / agency-wide / client- or campaign-scoped), never on how many grants they hold.
 */
export function campaignScopeSql(ctx: AuthContext, permission: Permission, alias = "c"): Prisma.Sql {
  const scope = scopeOf(ctx, permission);
  if (!scope) throw new AppError("FORBIDDEN", "You do not have permission to do this");
  const c = Prisma.raw(`"${alias}"`);
  const tenant = Prisma.sql`${c}."agencyId" = ${ctx.agencyId}::uuid`;
  const seesAll = scopeOf(ctx, "campaign.read.all")?.agencyWide === true && can(ctx, permission);
  if (seesAll) return tenant;
  if (scope.agencyWide) {
    // Campaign-scoped grants add to an agency-wide one (a CM may also be put on a colleague's campaign).
    const extra = ctx.grants
      .filter((g) => g.scopeType === "CAMPAIGN" && g.scopeId && g.permissions.has(permission))
      .map((g) => g.scopeId as string);
    return Prisma.sql`(${tenant} AND (${c}."ownerId" = ${ctx.userId}::uuid OR ${c}."directorId" = ${ctx.userId}::uuid OR ${c}.id = ANY(${extra}::uuid[])))`;
  }
  return Prisma.sql`(${tenant} AND (${c}.id = ANY(${scope.campaignIds}::uuid[]) OR ${c}."clientId" = ANY(${scope.clientIds}::uuid[])))`;
}
