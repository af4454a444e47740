import "server-only";
import { z } from "zod";
import { text } from "@/lib/domain/text";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { writeAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { deliverEmails } from "@/lib/email/send-email";
import { campaignScope } from "@/lib/domain/campaigns/scope";
import { notifyUsers } from "@/lib/domain/notifications/notify";
import { idSchema } from "@/lib/domain/id";
import { creatorUserOf, lockTask, SUBJECT_TYPE, taskLink } from "./lifecycle";

export const cancelTaskSchema = z.object({
  reason: text({ error: "Say why the task is cancelled" }).trim().min(1, "Say why the task is cancelled").max(2000),
});

/** Cancels an open task (not approved or published): its pending approvals are cancelled; the influencer is told. */
export async function cancelContentTask(ctx: AuthContext, taskId: string, raw: unknown) {
  const scope = campaignScope(ctx, "content.manage");
  if (!idSchema.safeParse(taskId).success) throw notFound("Content task");
  const input = cancelTaskSchema.parse(raw);
  const { task, emailIds } = await db.$transaction(async (tx) => {
    const found = await tx.contentTask.findFirst({
      where: { agencyId: ctx.agencyId, id: taskId, campaign: { is: scope } },
      select: { id: true },
    });
    if (!found) throw notFound("Content task");
    await lockTask(tx, ctx.agencyId, taskId);
    const before = await tx.contentTask.findUniqueOrThrow({ where: { id: taskId } });
    if (["CANCELLED", "PUBLISHED", "APPROVED", "SCHEDULED", "DECLINED"].includes(before.status))
      throw new AppError("CONFLICT", `This task cannot be cancelled: it is ${before.status.toLowerCase()}`);
    const task = await tx.contentTask.update({
      where: { id: taskId },
      data: { status: "CANCELLED", version: { increment: 1 } },
    });
    await tx.approvalItem.updateMany({
      where: { agencyId: ctx.agencyId, contentTaskId: taskId, subjectType: SUBJECT_TYPE, status: "PENDING" },
      data: { status: "CANCELLED" },
    });
    await writeAudit(tx, ctx, {
      action: "content.task.cancel",
      model: "ContentTask",
      recordId: taskId,
      display: `${task.title}: ${input.reason}`,
      parent: { model: "Campaign", id: task.campaignId },
      before: { status: before.status },
      after: { status: "CANCELLED" },
    });
    const emailIds = await notifyUsers(tx, ctx.agencyId, await creatorUserOf(tx, task), () => ({
      type: "content.cancelled",
      title: `"${task.title}" was cancelled`,
      body: `Reason: ${input.reason}`,
      link: taskLink(task.id, task.campaignId, "creator"),
    }));
    return { task, emailIds };
  });
  await deliverEmails(emailIds);
  return task;
}
