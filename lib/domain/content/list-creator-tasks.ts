import "server-only";
import { z } from "zod";
import type { AuthContext } from "@/lib/auth/context";
import { queryRows } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ArtifactType, ContentTaskStatus, DeliverableType } from "@/lib/generated/prisma/enums";
import { invalidCursor, pageResult } from "@/lib/domain/pagination";
import { TASK_STATUSES, TASK_STATUS_LABELS } from "./schemas";
import { finalStage } from "./lifecycle";
import { viewerOf } from "./scope";
import { taskScopeSql } from "./scope";
import {
  isOverdue,
  LATEST_ARTIFACTS_SQL,
  nextStep,
  PENDING_STAGE_SQL,
  toLatestArtifacts,
  type LatestArtifactJson,
} from "./task-view";

export const listCreatorTasksSchema = z.object({
  status: z.enum(TASK_STATUSES, { error: `status must be one of ${TASK_STATUSES.join(", ")}` }).optional(),
  /** Any of these statuses (the creator's home: its offers, then its work in progress). */
  statuses: z
    .array(z.enum(TASK_STATUSES, { error: `statuses must be of ${TASK_STATUSES.join(", ")}` }))
    .min(1)
    .optional(),
  cursor: z.uuid({ error: "cursor is not valid for this list" }).optional(),
  take: z.coerce
    .number({ error: "take must be a number" })
    .int()
    .min(1)
    .max(100, "take must be at most 100")
    .default(25),
});

type Row = {
  total: number;
  cursorFound: boolean;
  id: string | null;
  title: string;
  campaignId: string;
  campaignName: string;
  policy: Prisma.JsonValue;
  deliverableType: DeliverableType;
  instructions: string | null;
  status: ContentTaskStatus;
  fee: string | null;
  currency: string;
  dueAt: Date | null;
  requiredArtifacts: ArtifactType[];
  latest: LatestArtifactJson[] | null;
  pendingStage: "INTERNAL" | "CLIENT" | null;
};

/** The influencer's own tasks (offered ones first by due date), with fee, due date and what to do next. */
export async function listCreatorTasks(ctx: AuthContext, raw: z.input<typeof listCreatorTasksSchema> = {}) {
  if (viewerOf(ctx) !== "creator") throw new AppError("FORBIDDEN", "Only influencers have a task list here");
  const input = listCreatorTasksSchema.parse(raw);
  // One statement: the caller's tasks (scope on their own profile), the total, whether the cursor is one of
  // them, and the page with its campaign, the latest artifact of each type (with the stages that approved it,
  // for the next step) and the stage of the pending review. The one-row `meta` keeps total and cursor when the
  // page is empty.
  const rows = await queryRows<Row>(Prisma.sql`
    WITH scoped AS (
      SELECT t.id, t."createdAt" FROM "ContentTask" t
      WHERE ${taskScopeSql(ctx, Prisma.sql`t`)}${input.status ? Prisma.sql` AND t.status = ${input.status}::"ContentTaskStatus"` : Prisma.empty}${input.statuses ? Prisma.sql` AND t.status = ANY(${input.statuses}::"ContentTaskStatus"[])` : Prisma.empty}
    ), meta AS (
      SELECT (SELECT count(*)::int FROM scoped) AS total,
             ${input.cursor ? Prisma.sql`EXISTS (SELECT 1 FROM scoped WHERE id = ${input.cursor}::uuid)` : Prisma.sql`true`} AS "cursorFound"
    ), page AS (
      SELECT s.id, s."createdAt" FROM scoped s
      ${input.cursor ? Prisma.sql`, (SELECT "createdAt", id FROM scoped WHERE id = ${input.cursor}::uuid) cur WHERE s."createdAt" < cur."createdAt" OR (s."createdAt" = cur."createdAt" AND s.id > cur.id)` : Prisma.empty}
      ORDER BY s."createdAt" DESC, s.id ASC LIMIT ${input.take + 1}
    )
    SELECT m.total, m."cursorFound", t.id, t.title, c.id AS "campaignId", c.name AS "campaignName", c.policy,
           t."deliverableType", t.instructions, t.status, t.fee::text AS fee, t.currency, t."dueAt",
           to_json(t."requiredArtifacts") AS "requiredArtifacts",
           ${LATEST_ARTIFACTS_SQL(Prisma.sql`t`, true)} AS latest,
           ${PENDING_STAGE_SQL(Prisma.sql`t`)} AS "pendingStage"
    FROM meta m
    LEFT JOIN page p ON true
    LEFT JOIN "ContentTask" t ON t.id = p.id
    LEFT JOIN "Campaign" c ON c.id = t."campaignId"
    ORDER BY p."createdAt" DESC, p.id ASC`);
  const meta = rows[0];
  if (input.cursor && !meta.cursorFound) throw invalidCursor();
  const now = new Date();
  const items = rows
    .filter((t): t is Row & { id: string } => t.id !== null)
    .map((t) => {
      const latest = toLatestArtifacts(t.latest);
      const stage = finalStage(t.policy);
      const approvedTypes = new Set<ArtifactType>(
        (t.latest ?? []).filter((l) => l.approvedStages?.includes(stage)).map((l) => l.artifactType),
      );
      return {
        id: t.id,
        title: t.title,
        campaign: { id: t.campaignId, name: t.campaignName },
        deliverableType: t.deliverableType,
        instructions: t.instructions,
        status: t.status,
        statusLabel: TASK_STATUS_LABELS[t.status],
        fee: t.fee,
        currency: t.currency,
        dueAt: t.dueAt,
        overdue: isOverdue(t, now),
        requiredArtifacts: t.requiredArtifacts,
        latestArtifacts: latest,
        pendingStage: t.pendingStage,
        nextStep: nextStep(t, latest, approvedTypes),
      };
    });
  return pageResult(items, meta.total, { take: input.take, cursor: input.cursor });
}

/**
 * How many of the influencer's tasks are offers, how many in progress (accepted up to scheduled) and how many of
 * those past their due date: one aggregate over their own tasks, whatever their number.
 */
export async function countCreatorTasks(ctx: AuthContext, inProgress: readonly ContentTaskStatus[]) {
  if (viewerOf(ctx) !== "creator") throw new AppError("FORBIDDEN", "Only influencers have a task list here");
  const active = Prisma.sql`t.status = ANY(${[...inProgress]}::"ContentTaskStatus"[])`;
  const [row] = await queryRows<{ offered: number; active: number; overdue: number }>(Prisma.sql`
    SELECT count(*) FILTER (WHERE t.status = 'OFFERED')::int AS offered,
           count(*) FILTER (WHERE ${active})::int AS active,
           count(*) FILTER (WHERE ${active} AND t."dueAt" < now())::int AS overdue
    FROM "ContentTask" t
    WHERE ${taskScopeSql(ctx, Prisma.sql`t`)}`);
  return row;
}
