import "server-only";
import type { AuthContext } from "@/lib/auth/context";
import { queryRows } from "@/lib/db/sql";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ArtifactType, ContentTaskStatus, DeliverableType } from "@/lib/generated/prisma/enums";
import { invalidCursor, pageResult } from "@/lib/domain/pagination";
import { listTasksSchema, TASK_STATUSES, TASK_STATUS_LABELS, type ListTasksInput } from "./schemas";
import { idSchema } from "@/lib/domain/id";
import { viewerOf } from "./scope";
import { campaignScopeSql } from "@/lib/domain/campaigns/scope";
import { taskScopeSql } from "./scope";
import {
  isOverdue,
  LATEST_ARTIFACTS_SQL,
  PENDING_STAGE_SQL,
  toLatestArtifacts,
  type LatestArtifactJson,
} from "./task-view";

type Row = {
  campaignFound: boolean;
  total: number;
  cursorFound: boolean;
  id: string | null;
  title: string;
  deliverableType: DeliverableType;
  status: ContentTaskStatus;
  dueAt: Date | null;
  fee: string | null;
  currency: string;
  requiredArtifacts: ArtifactType[];
  influencerId: string;
  influencerName: string;
  latest: LatestArtifactJson[] | null;
  pendingStage: "INTERNAL" | "CLIENT" | null;
  publishedUrl: string | null;
  version: number;
};

/** The board shows at most this many tasks of a campaign (oldest first), as the list pages them. */
const BOARD_MAX = 500;

/**
 * One statement: whether the campaign is visible to the caller (campaign.read scope), the campaign's tasks the
 * caller may see (taskScope: a client only those with content sent to them), their total, whether the cursor
 * is one of them, and up to `limit` tasks after it, oldest first, with the influencer, the latest artifact of
 * each type and the pending review's stage. The one-row `meta` keeps the checks and the total when the page is empty.
 */
async function campaignTaskRows(
  ctx: AuthContext,
  campaignId: string,
  input: { status?: ContentTaskStatus; cursor?: string; limit: number },
) {
  viewerOf(ctx); // FORBIDDEN without content.read or creator.self, first, as taskScope did
  if (!idSchema.safeParse(campaignId).success) throw notFound("Campaign");
  const campaignVisible = campaignScopeSql(ctx, "campaign.read", "c");
  const rows = await queryRows<Row>(Prisma.sql`
    WITH scoped AS (
      SELECT t.id, t."createdAt" FROM "ContentTask" t
      WHERE t."campaignId" = ${campaignId}::uuid AND ${taskScopeSql(ctx, Prisma.sql`t`)}${input.status ? Prisma.sql` AND t.status = ${input.status}::"ContentTaskStatus"` : Prisma.empty}
    ), meta AS (
      SELECT EXISTS (SELECT 1 FROM "Campaign" c WHERE c.id = ${campaignId}::uuid AND ${campaignVisible}) AS "campaignFound",
             (SELECT count(*)::int FROM scoped) AS total,
             ${input.cursor ? Prisma.sql`EXISTS (SELECT 1 FROM scoped WHERE id = ${input.cursor}::uuid)` : Prisma.sql`true`} AS "cursorFound"
    ), page AS (
      SELECT s.id, s."createdAt" FROM scoped s
      ${input.cursor ? Prisma.sql`WHERE (s."createdAt", s.id) > (SELECT "createdAt", id FROM scoped WHERE id = ${input.cursor}::uuid)` : Prisma.empty}
      ORDER BY s."createdAt" ASC, s.id ASC LIMIT ${input.limit}
    )
    SELECT m."campaignFound", m.total, m."cursorFound", t.id, t.title, t."deliverableType", t.status, t."dueAt",
           t.fee::text AS fee, t.currency, to_json(t."requiredArtifacts") AS "requiredArtifacts",
           i.id AS "influencerId", i."displayName" AS "influencerName",
           ${LATEST_ARTIFACTS_SQL(Prisma.sql`t`)} AS latest,
           ${PENDING_STAGE_SQL(Prisma.sql`t`)} AS "pendingStage",
           t."publishedUrl", t.version
    FROM meta m
    LEFT JOIN page p ON m."campaignFound"
    LEFT JOIN "ContentTask" t ON t.id = p.id
    LEFT JOIN "CampaignInfluencer" ci ON ci.id = t."assignmentId"
    LEFT JOIN "InfluencerProfile" i ON i.id = ci."influencerId"
    ORDER BY p."createdAt" ASC, p.id ASC`);
  const meta = rows[0];
  if (!meta.campaignFound) throw notFound("Campaign");
  if (input.cursor && !meta.cursorFound) throw invalidCursor();
  const now = new Date();
  const items = rows
    .filter((t): t is Row & { id: string } => t.id !== null)
    .map((t) => ({
      id: t.id,
      title: t.title,
      deliverableType: t.deliverableType,
      status: t.status,
      statusLabel: TASK_STATUS_LABELS[t.status],
      dueAt: t.dueAt,
      overdue: isOverdue(t, now),
      fee: t.fee,
      currency: t.currency,
      requiredArtifacts: t.requiredArtifacts,
      influencer: { id: t.influencerId, name: t.influencerName },
      latestArtifacts: toLatestArtifacts(t.latest),
      pendingStage: t.pendingStage,
      publishedUrl: t.publishedUrl,
      version: t.version,
    }));
  return { items, total: meta.total };
}

/** The campaign's content tasks the caller may see (a client: those with content sent to them), oldest first. */
export async function listCampaignTasks(ctx: AuthContext, campaignId: string, raw: ListTasksInput = {}) {
  const input = listTasksSchema.parse(raw);
  const { items, total } = await campaignTaskRows(ctx, campaignId, {
    status: input.status,
    cursor: input.cursor,
    limit: input.take + 1,
  });
  return pageResult(items, total, { take: input.take, cursor: input.cursor });
}
export type CampaignTaskItem = Awaited<ReturnType<typeof listCampaignTasks>>["items"][number];

/** The board: every status as a column with its count and cards (at most 500 tasks per campaign shown). */
export async function getCampaignContentBoard(ctx: AuthContext, campaignId: string) {
  // The same statement as the list, one page of BOARD_MAX tasks (the list's order) instead of pages of 100.
  const { items, total } = await campaignTaskRows(ctx, campaignId, { limit: BOARD_MAX });
  const columns = TASK_STATUSES.map((status) => {
    const cards = items.filter((i) => i.status === status);
    return { status, label: TASK_STATUS_LABELS[status], count: cards.length, cards };
  });
  return { columns, total, overdue: items.filter((i) => i.overdue).length };
}
