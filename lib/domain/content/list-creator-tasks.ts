import { z } from "zod";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import type { ArtifactType } from "@/lib/generated/prisma/enums";
import { invalidCursor, pageArgs, pageResult } from "@/lib/domain/pagination";
import { TASK_STATUSES, TASK_STATUS_LABELS } from "./schemas";
import { APPROVED_OUTCOMES, finalStage } from "./lifecycle";
import { taskScope, viewerOf } from "./scope";
import { isOverdue, nextStep, taskExtras, taskListInclude } from "./task-view";

export const listCreatorTasksSchema = z.object({
  status: z.enum(TASK_STATUSES, { error: `status must be one of ${TASK_STATUSES.join(", ")}` }).optional(),
  cursor: z.uuid({ error: "cursor is not valid for this list" }).optional(),
  take: z.coerce.number({ error: "take must be a number" }).int().min(1).max(100, "take must be at most 100").default(50),
});

/** The influencer's own tasks (offered ones first by due date), with fee, due date and what to do next. */
export async function listCreatorTasks(ctx: AuthContext, raw: z.input<typeof listCreatorTasksSchema> = {}) {
  if (viewerOf(ctx) !== "creator") throw new AppError("FORBIDDEN", "Only influencers have a task list here");
  const input = listCreatorTasksSchema.parse(raw);
  const scope = await taskScope(ctx);
  const where = { AND: [scope, input.status ? { status: input.status } : {}] };
  if (input.cursor && !(await db.contentTask.count({ where: { AND: [where, { id: input.cursor }] } }))) throw invalidCursor();
  const [rows, total] = await Promise.all([
    db.contentTask.findMany({ where, include: { ...taskListInclude, campaign: { select: { id: true, name: true, policy: true } } }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], ...pageArgs({ take: input.take, cursor: input.cursor }) }),
    db.contentTask.count({ where }),
  ]);
  const ids = rows.map((r) => r.id);
  const { latestBy, pendingBy } = await taskExtras(ids, ctx.agencyId);
  const reviews = await db.contentReview.findMany({ where: { agencyId: ctx.agencyId, taskId: { in: ids }, outcome: { in: [...APPROVED_OUTCOMES] } }, select: { taskId: true, artifactId: true, stage: true } });
  const now = new Date();
  const items = rows.map((t) => {
    const latest = latestBy.get(t.id) ?? [];
    const stage = finalStage(t.campaign.policy);
    const approvedTypes = new Set<ArtifactType>(latest.filter((l) => reviews.some((r) => r.artifactId === l.id && r.stage === stage)).map((l) => l.artifactType));
    return {
      id: t.id,
      title: t.title,
      campaign: { id: t.campaign.id, name: t.campaign.name },
      deliverableType: t.deliverableType,
      instructions: t.instructions,
      status: t.status,
      statusLabel: TASK_STATUS_LABELS[t.status],
      fee: t.fee?.toFixed(2) ?? null,
      currency: t.currency,
      dueAt: t.dueAt,
      overdue: isOverdue(t, now),
      requiredArtifacts: t.requiredArtifacts,
      latestArtifacts: latest,
      pendingStage: pendingBy.get(t.id) ?? null,
      nextStep: nextStep(t, latest, approvedTypes),
    };
  });
  return pageResult(items, total, { take: input.take, cursor: input.cursor });
}
