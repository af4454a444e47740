import "server-only";
import { db, type Tx } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { writeAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import type { ContentTask } from "@/lib/generated/prisma/client";
import { campaignScope } from "@/lib/domain/campaigns/scope";
import { publicationSchema, METRIC_FIELDS } from "./schemas";
import { idSchema } from "@/lib/domain/id";
import type { z } from "zod";

/** A task can be recorded as published once its content is approved. */
export const PUBLISHABLE = ["APPROVED", "SCHEDULED", "PUBLISHED"] as const;

export async function applyPublication(
  tx: Tx,
  ctx: AuthContext,
  task: ContentTask,
  input: z.output<typeof publicationSchema>,
  source: string,
) {
  if (!(PUBLISHABLE as readonly string[]).includes(task.status)) {
    throw new AppError(
      "CONFLICT",
      `"${task.title}" is not approved yet (${task.status.toLowerCase().replace(/_/g, " ")}): figures are recorded after publishing`,
    );
  }
  const metrics = Object.fromEntries(METRIC_FIELDS.map((f) => [f, input[f]]));
  const updated = await tx.contentTask.update({
    where: { id: task.id },
    data: {
      status: "PUBLISHED",
      publishedUrl: input.publishedUrl,
      publishedAt: input.publishedAt,
      ...metrics,
      metricsUpdatedAt: new Date(),
      version: { increment: 1 },
    },
  });
  await writeAudit(tx, ctx, {
    action: "content.publication",
    model: "ContentTask",
    recordId: task.id,
    display: `${task.title} (${source})`,
    parent: { model: "Campaign", id: task.campaignId },
    before: {
      status: task.status,
      publishedUrl: task.publishedUrl,
      publishedAt: task.publishedAt,
      ...Object.fromEntries(METRIC_FIELDS.map((f) => [f, task[f]])),
    },
    after: { status: updated.status, publishedUrl: updated.publishedUrl, publishedAt: updated.publishedAt, ...metrics },
  });
  return updated;
}

/** Records the post URL and its figures (views, reach, likes, comments, shares, saves, clicks) by hand. */
export async function recordPublication(ctx: AuthContext, taskId: string, raw: unknown) {
  const scope = campaignScope(ctx, "content.manage");
  if (!idSchema.safeParse(taskId).success) throw notFound("Content task");
  const input = publicationSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const task = await tx.contentTask.findFirst({
      where: { agencyId: ctx.agencyId, id: taskId, campaign: { is: scope } },
    });
    if (!task) throw notFound("Content task");
    return applyPublication(tx, ctx, task, input, "entered");
  });
}
