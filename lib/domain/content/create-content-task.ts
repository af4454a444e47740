import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { writeAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { deliverEmails } from "@/lib/email/send-email";
import { campaignScope } from "@/lib/domain/campaigns/scope";
import { notifyUsers } from "@/lib/domain/notifications/notify";
import { createContentTaskSchema } from "./schemas";
import { creatorUserOf, taskLink } from "./lifecycle";

/** Campaign states in which content can be commissioned. */
export const TASK_CAMPAIGN_STATES = [
  "CONTRACTING",
  "CONTRACTED",
  "IN_PRODUCTION",
  "CONTENT_IN_INTERNAL_REVIEW",
  "CONTENT_IN_CLIENT_REVIEW",
] as const;
/** Assignments that can receive content tasks. */
export const TASKABLE_ASSIGNMENTS = ["CONTRACTED", "ACTIVE"] as const;

export const createTaskInputSchema = createContentTaskSchema.extend({
  campaignId: z.uuid({ error: "Not a valid campaign id" }),
});

/**
 * Creates a content task for a contracted influencer of the campaign and offers it (status OFFERED, fee from
 * the assignment unless given), notifying the influencer.
 */
export async function createContentTask(ctx: AuthContext, raw: unknown) {
  const scope = campaignScope(ctx, "content.manage");
  const campaignId = (raw as { campaignId?: unknown } | null)?.campaignId;
  if (typeof campaignId !== "string" || !z.uuid().safeParse(campaignId).success) throw notFound("Campaign");
  const input = createTaskInputSchema.parse(raw);
  const { task, emailIds } = await db.$transaction(async (tx) => {
    const campaign = await tx.campaign.findFirst({
      where: { AND: [scope, { id: campaignId }] },
      select: { id: true, name: true, status: true },
    });
    if (!campaign) throw notFound("Campaign");
    if (!(TASK_CAMPAIGN_STATES as readonly string[]).includes(campaign.status)) {
      throw new AppError(
        "CONFLICT",
        `Content tasks can be created once the campaign is contracting and until content is approved (it is ${campaign.status.toLowerCase().replace(/_/g, " ")})`,
      );
    }
    const assignment = await tx.campaignInfluencer.findFirst({
      where: { agencyId: ctx.agencyId, campaignId, id: input.assignmentId },
      select: {
        id: true,
        status: true,
        influencerId: true,
        agreedFee: true,
        proposedFee: true,
        currency: true,
        influencer: { select: { displayName: true } },
      },
    });
    if (!assignment)
      throw new AppError("VALIDATION_FAILED", "Check assignmentId: this influencer is not on the campaign", {
        fields: { assignmentId: "Not on this campaign" },
      });
    if (!(TASKABLE_ASSIGNMENTS as readonly string[]).includes(assignment.status)) {
      throw new AppError("VALIDATION_FAILED", "Check assignmentId: only contracted influencers get content tasks", {
        fields: { assignmentId: "Not contracted yet" },
      });
    }
    const now = new Date();
    const task = await tx.contentTask.create({
      data: {
        agencyId: ctx.agencyId,
        campaignId,
        assignmentId: assignment.id,
        influencerId: assignment.influencerId,
        deliverableType: input.deliverableType,
        title: input.title,
        instructions: input.instructions,
        dueAt: input.dueAt,
        requiredArtifacts: input.requiredArtifacts,
        status: "OFFERED",
        fee: input.fee ?? assignment.agreedFee ?? assignment.proposedFee,
        currency: assignment.currency,
        offeredAt: now,
        createdById: ctx.userId,
      },
    });
    await writeAudit(tx, ctx, {
      action: "content.task.create",
      model: "ContentTask",
      recordId: task.id,
      display: `${task.title} for ${assignment.influencer.displayName}`,
      parent: { model: "Campaign", id: campaignId },
      after: {
        title: task.title,
        deliverableType: task.deliverableType,
        dueAt: task.dueAt,
        requiredArtifacts: task.requiredArtifacts,
        fee: task.fee,
        status: task.status,
      },
    });
    const creator = await creatorUserOf(tx, task);
    const emailIds = await notifyUsers(tx, ctx.agencyId, creator, () => ({
      type: "content.offered",
      title: `New content task: ${task.title} (${campaign.name})`,
      body:
        [
          task.fee ? `Fee: ${task.fee.toFixed(2)} ${task.currency}` : null,
          task.dueAt ? `Due: ${task.dueAt.toISOString().slice(0, 10)}` : null,
        ]
          .filter(Boolean)
          .join("\n") || null,
      link: taskLink(task.id, campaignId, "creator"),
    }));
    return { task, emailIds };
  });
  await deliverEmails(emailIds);
  return task;
}
