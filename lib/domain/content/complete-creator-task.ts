import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { writeAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { deliverEmails } from "@/lib/email/send-email";
import { loadRecipients, notifyUsers } from "@/lib/domain/notifications/notify";
import { dateTime, webAddressSchema } from "./schemas";
import { idSchema } from "@/lib/domain/id";
import { lockTask, taskLink } from "./lifecycle";
import { taskScope, viewerOf } from "./scope";

export const completeTaskSchema = z.object({
  publishedUrl: webAddressSchema("publishedUrl"),
  publishedAt: dateTime("publishedAt").optional(),
});

/**
 * PATCH /api/creator/tasks/:id/complete: the influencer reports an approved (or scheduled) task as published
 * with the post's URL; the task becomes PUBLISHED and the agency enters or imports the figures later.
 */
export async function completeCreatorTask(ctx: AuthContext, taskId: string, raw: unknown) {
  if (viewerOf(ctx) !== "creator") throw new AppError("FORBIDDEN", "Only the influencer of the task can complete it");
  if (!idSchema.safeParse(taskId).success) throw notFound("Content task");
  const input = completeTaskSchema.parse(raw);
  const { task, emailIds } = await db.$transaction(async (tx) => {
    const found = await tx.contentTask.findFirst({
      where: { AND: [await taskScope(ctx, tx), { id: taskId }] },
      select: { id: true },
    });
    if (!found) throw notFound("Content task");
    await lockTask(tx, ctx.agencyId, taskId);
    const before = await tx.contentTask.findUniqueOrThrow({
      where: { id: taskId },
      include: { campaign: { select: { ownerId: true } } },
    });
    if (before.status !== "APPROVED" && before.status !== "SCHEDULED")
      throw new AppError("CONFLICT", "Only approved content can be marked as published");
    const task = await tx.contentTask.update({
      where: { id: taskId },
      data: {
        status: "PUBLISHED",
        publishedUrl: input.publishedUrl,
        publishedAt: input.publishedAt ?? new Date(),
        version: { increment: 1 },
      },
    });
    await writeAudit(tx, ctx, {
      action: "content.task.complete",
      model: "ContentTask",
      recordId: taskId,
      display: task.title,
      parent: { model: "Campaign", id: task.campaignId },
      before: { status: before.status },
      after: { status: task.status, publishedUrl: task.publishedUrl },
    });
    const emailIds = await notifyUsers(
      tx,
      ctx.agencyId,
      await loadRecipients(tx, ctx.agencyId, [before.campaign.ownerId]),
      () => ({
        type: "content.published",
        title: `${ctx.name} published "${task.title}"`,
        body: task.publishedUrl,
        link: taskLink(task.id, task.campaignId, "staff"),
      }),
    );
    return { task, emailIds };
  });
  await deliverEmails(emailIds);
  return task;
}
