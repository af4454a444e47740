import "server-only";
import type { AuthContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Tx } from "@/lib/db/client";
import { campaignScope, campaignScopeSql } from "@/lib/domain/campaigns/scope";
import { addressedToCaller, addressedToCallerSql, isAgencyStaff } from "@/lib/domain/approvals/scope";
import { SUBJECT_TYPE } from "./lifecycle";

// Who sees which content, always inside the tenant:
// - agency staff with content.read: the tasks of the campaigns they see (campaignScope);
// - an influencer (creator.self): only the tasks of their own profile (InfluencerProfile.userId);
// - a client user (content.read without agency staff scope): only artifact versions sent to them (a CLIENT
//   stage approval addressed to them) and the tasks those belong to.
// Anything outside does not exist for the caller (404).
// taskScope has its SQL twin taskScopeSql below, for the hot lists that run as one hand-written statement
// (lib/db/sql.ts); tests/integration/scope-pairs.test.ts holds the two to the same rows.

export type Viewer = "staff" | "creator" | "client";

export function viewerOf(ctx: AuthContext): Viewer {
  if (can(ctx, "content.read") && isAgencyStaff(ctx)) return "staff";
  if (can(ctx, "creator.self")) return "creator";
  if (can(ctx, "content.read")) return "client";
  throw new AppError("FORBIDDEN", "You do not have permission to do this");
}

/** Ids of the artifacts sent to a client user (client-stage approvals addressed to them). */
async function artifactsSentToCaller(
  tx: Tx | typeof db,
  ctx: AuthContext,
): Promise<{ artifactIds: string[]; taskIds: string[] }> {
  const items = await tx.approvalItem.findMany({
    where: {
      AND: [
        addressedToCaller(ctx),
        {
          subjectType: "ContentArtifact",
          approverRole: "CLIENT",
          campaign: { is: campaignScope(ctx, "campaign.read") },
        },
      ],
    },
    select: { subjectId: true, contentTaskId: true },
  });
  return {
    artifactIds: [...new Set(items.map((i) => i.subjectId))],
    taskIds: [...new Set(items.map((i) => i.contentTaskId).filter((v): v is string => Boolean(v)))],
  };
}

export async function taskScope(ctx: AuthContext, tx: Tx | typeof db = db): Promise<Prisma.ContentTaskWhereInput> {
  const viewer = viewerOf(ctx);
  if (viewer === "staff") return { agencyId: ctx.agencyId, campaign: { is: campaignScope(ctx, "content.read") } };
  if (viewer === "creator") {
    // The caller's own profile (InfluencerProfile.userId is unique), then ContentTask.influencerId — copied from
    // the assignment for this — on its index, instead of joining every assignment (docs/performance.md, issue 4).
    const profile = await tx.influencerProfile.findFirst({
      where: { agencyId: ctx.agencyId, userId: ctx.userId },
      select: { id: true },
    });
    return profile ? { agencyId: ctx.agencyId, influencerId: profile.id } : { agencyId: ctx.agencyId, id: { in: [] } };
  }
  const sent = await artifactsSentToCaller(tx, ctx);
  return { agencyId: ctx.agencyId, id: { in: sent.taskIds } };
}

export async function artifactScope(
  ctx: AuthContext,
  tx: Tx | typeof db = db,
): Promise<Prisma.ContentArtifactWhereInput> {
  const viewer = viewerOf(ctx);
  if (viewer === "client") {
    const sent = await artifactsSentToCaller(tx, ctx);
    return { agencyId: ctx.agencyId, id: { in: sent.artifactIds } };
  }
  return { agencyId: ctx.agencyId, task: { is: await taskScope(ctx, tx) } };
}

/**
 * taskScope as a condition on the task alias `t`, in one statement (the hot content lists). Lists of values are
 * one array parameter each, so the text depends only on the kind of caller (sees all / agency-wide / client- or
 * campaign-scoped), never on how many grants they hold.
 */
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
