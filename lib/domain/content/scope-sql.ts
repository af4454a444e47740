import "server-only";
import type { AuthContext } from "@/lib/auth/context";
import { campaignScopeSql } from "@/lib/domain/campaigns/scope";
import { Prisma } from "@/lib/generated/prisma/client";
import { SUBJECT_TYPE } from "./lifecycle";
import { viewerOf } from "./scope";

// The content scopes of scope.ts as SQL conditions, for the hot reads that run as one hand-written statement
// (lib/db/sql.ts). Same rules, same tenant (the campaign scope is campaignScopeSql of lib/domain/campaigns/scope.ts):
// addressedToCallerSql mirrors addressedToCaller (lib/domain/approvals/scope.ts), taskScopeSql mirrors
// taskScope. Lists of values are one array parameter each, so the statement text depends only on the kind of
// caller (sees all / agency-wide / client- or campaign-scoped), never on how many grants they hold.
// tests/integration/content-lists.test.ts holds them to the same results as the Prisma scopes.

/** The condition on approval alias `a` for the approvals addressed to the caller (addressedToCaller). */
export function addressedToCallerSql(ctx: AuthContext, a: Prisma.Sql): Prisma.Sql {
  const grants = ctx.grants.filter((g) => g.permissions.has("approval.decide") || g.permissions.has("finance.approve"));
  const roles = grants.map((g) => g.role);
  const scopeTypes = grants.map((g) => g.scopeType);
  const scopeIds = grants.map((g) => (g.scopeType === "AGENCY" ? null : g.scopeId));
  return Prisma.sql`(${a}."agencyId" = ${ctx.agencyId}::uuid AND (${a}."approverUserId" = ${ctx.userId}::uuid OR (${a}."approverUserId" IS NULL AND EXISTS (
    SELECT 1 FROM unnest(${roles}::text[], ${scopeTypes}::text[], ${scopeIds}::uuid[]) AS g(role, "scopeType", "scopeId")
    WHERE ${a}."approverRole"::text = g.role AND ${a}."approverScopeType"::text = g."scopeType" AND ${a}."approverScopeId" IS NOT DISTINCT FROM g."scopeId"))))`;
}

/** The condition on task alias `t` for the content tasks the caller may see (taskScope), in one statement. */
export function taskScopeSql(ctx: AuthContext, t: Prisma.Sql): Prisma.Sql {
  const viewer = viewerOf(ctx);
  if (viewer === "staff") {
    return Prisma.sql`(${t}."agencyId" = ${ctx.agencyId}::uuid AND EXISTS (SELECT 1 FROM "Campaign" tc WHERE tc.id = ${t}."campaignId" AND ${campaignScopeSql(ctx, "content.read", "tc")}))`;
  }
  if (viewer === "creator") {
    // The caller's own profile (InfluencerProfile.userId is unique), then ContentTask.influencerId on its index.
    return Prisma.sql`(${t}."agencyId" = ${ctx.agencyId}::uuid AND ${t}."influencerId" = (SELECT p.id FROM "InfluencerProfile" p WHERE p."agencyId" = ${ctx.agencyId}::uuid AND p."userId" = ${ctx.userId}::uuid))`;
  }
  // A client user: the tasks with an artifact version sent to them (a CLIENT stage approval addressed to them).
  return Prisma.sql`(${t}."agencyId" = ${ctx.agencyId}::uuid AND EXISTS (
    SELECT 1 FROM "ApprovalItem" sa JOIN "Campaign" sc ON sc.id = sa."campaignId"
    WHERE sa."contentTaskId" = ${t}.id AND sa."subjectType" = ${SUBJECT_TYPE} AND sa."approverRole" = 'CLIENT'
      AND ${addressedToCallerSql(ctx, Prisma.sql`sa`)} AND ${campaignScopeSql(ctx, "campaign.read", "sc")}))`;
}
