import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { writeAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { campaignScope } from "@/lib/domain/campaigns/scope";
import { updateContentTaskSchema } from "./schemas";
import { idSchema } from "@/lib/domain/id";

/** Edits a task's title, instructions or due date, or schedules an approved task (optimistic `version`). */
export async function updateContentTask(ctx: AuthContext, taskId: string, raw: unknown) {
  const scope = campaignScope(ctx, "content.manage");
  if (!idSchema.safeParse(taskId).success) throw notFound("Content task");
  const input = updateContentTaskSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const before = await tx.contentTask.findFirst({
      where: { agencyId: ctx.agencyId, id: taskId, campaign: { is: scope } },
    });
    if (!before) throw notFound("Content task");
    if (["CANCELLED", "DECLINED", "PUBLISHED"].includes(before.status))
      throw new AppError("CONFLICT", `This task is ${before.status.toLowerCase()} and can no longer be edited`);
    if (input.status === "SCHEDULED" && before.status !== "APPROVED")
      throw new AppError("CONFLICT", "Only an approved task can be scheduled");
    const data = { title: input.title, instructions: input.instructions, dueAt: input.dueAt, status: input.status };
    const claimed = await tx.contentTask.updateMany({
      where: { id: taskId, version: input.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (claimed.count !== 1)
      throw new AppError(
        "STALE_VERSION",
        `This task was changed since you opened it (now version ${before.version}). Reload, then edit again.`,
        { fields: { version: "Out of date" } },
      );
    const after = await tx.contentTask.findUniqueOrThrow({ where: { id: taskId } });
    await writeAudit(tx, ctx, {
      action: "content.task.update",
      model: "ContentTask",
      recordId: taskId,
      display: after.title,
      parent: { model: "Campaign", id: after.campaignId },
      before: { title: before.title, instructions: before.instructions, dueAt: before.dueAt, status: before.status },
      after: { title: after.title, instructions: after.instructions, dueAt: after.dueAt, status: after.status },
    });
    return after;
  });
}
