import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { writeAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { deliverEmails } from "@/lib/email/send-email";
import { loadRecipients, notifyUsers } from "@/lib/domain/notifications/notify";
import { respondSchema } from "./schemas";
import { idSchema } from "@/lib/domain/id";
import { lockTask, taskLink } from "./lifecycle";
import { taskScope, viewerOf } from "./scope";

/** The influencer accepts or declines (with a reason) a task offered to them. */
export async function respondToTask(ctx: AuthContext, taskId: string, raw: unknown) {
  if (viewerOf(ctx) !== "creator") throw new AppError("FORBIDDEN", "Only the influencer can answer a content offer");
  if (!idSchema.safeParse(taskId).success) throw notFound("Content task");
  const input = respondSchema.parse(raw);
  const { task, emailIds } = await db.$transaction(async (tx) => {
    const scope = await taskScope(ctx, tx);
    const found = await tx.contentTask.findFirst({ where: { AND: [scope, { id: taskId }] }, select: { id: true } });
    if (!found) throw notFound("Content task");
    await lockTask(tx, ctx.agencyId, taskId);
    const before = await tx.contentTask.findUniqueOrThrow({
      where: { id: taskId },
      include: { campaign: { select: { ownerId: true, name: true } } },
    });
    if (before.status !== "OFFERED")
      throw new AppError(
        "CONFLICT",
        `This task was already answered (${before.status.toLowerCase().replace(/_/g, " ")})`,
      );
    const task = await tx.contentTask.update({
      where: { id: taskId },
      data: {
        status: input.accept ? "ACCEPTED" : "DECLINED",
        declineReason: input.accept ? null : input.reason,
        respondedAt: new Date(),
        version: { increment: 1 },
      },
    });
    await writeAudit(tx, ctx, {
      action: input.accept ? "content.task.accept" : "content.task.decline",
      model: "ContentTask",
      recordId: taskId,
      display: task.title,
      parent: { model: "Campaign", id: task.campaignId },
      before: { status: before.status },
      after: { status: task.status, declineReason: task.declineReason },
    });
    const owner = await loadRecipients(tx, ctx.agencyId, [before.campaign.ownerId, before.createdById]);
    const emailIds = await notifyUsers(tx, ctx.agencyId, owner, () => ({
      type: input.accept ? "content.accepted" : "content.declined",
      title: `${ctx.name} ${input.accept ? "accepted" : "declined"} "${task.title}" (${before.campaign.name})`,
      body: input.accept ? null : `Reason: ${input.reason}`,
      link: taskLink(task.id, task.campaignId, "staff"),
    }));
    return { task, emailIds };
  });
  await deliverEmails(emailIds);
  return task;
}
