import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { writeAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { deliverEmails } from "@/lib/email/send-email";
import { approversOf } from "@/lib/domain/approvals/request-approval";
import { approvalLink } from "@/lib/domain/approvals/links";
import { clientApprovesContent } from "@/lib/domain/campaigns/load-campaign-facts";
import { notifyUsers } from "@/lib/domain/notifications/notify";
import { ARTIFACT_TYPE_LABELS } from "./schemas";
import { idSchema } from "@/lib/domain/id";
import { APPROVED_OUTCOMES, lockTask, openReview, SUBJECT_TYPE } from "./lifecycle";
import { artifactScope, viewerOf } from "./scope";

/**
 * Sends an internally approved artifact version to the client (when the campaign policy says the client
 * approves content): opens a CLIENT-stage approval of that exact version and moves the task to IN_REVIEW.
 */
export async function sendArtifactToClient(ctx: AuthContext, artifactId: string) {
  if (viewerOf(ctx) !== "staff" || !can(ctx, "content.review"))
    throw new AppError("FORBIDDEN", "You do not have permission to do this");
  if (!idSchema.safeParse(artifactId).success) throw notFound("Artifact");
  const { approval, emailIds } = await db.$transaction(async (tx) => {
    const found = await tx.contentArtifact.findFirst({
      where: { AND: [await artifactScope(ctx, tx), { id: artifactId }] },
      select: { taskId: true },
    });
    if (!found) throw notFound("Artifact");
    await lockTask(tx, ctx.agencyId, found.taskId);
    const artifact = await tx.contentArtifact.findUniqueOrThrow({ where: { id: artifactId } });
    const task = await tx.contentTask.findUniqueOrThrow({
      where: { id: artifact.taskId },
      include: { campaign: { select: { id: true, name: true, clientId: true, ownerId: true, policy: true } } },
    });
    if (!clientApprovesContent(task.campaign.policy))
      throw new AppError(
        "CONFLICT",
        "The campaign policy says the client does not approve content: the internal approval completes it",
      );
    if (task.status === "CANCELLED") throw new AppError("CONFLICT", "This content task was cancelled");
    const newer = await tx.contentArtifact.count({
      where: {
        agencyId: ctx.agencyId,
        taskId: task.id,
        artifactType: artifact.artifactType,
        version: { gt: artifact.version },
      },
    });
    if (newer)
      throw new AppError(
        "CONFLICT",
        `A newer version of this ${ARTIFACT_TYPE_LABELS[artifact.artifactType].toLowerCase()} exists: send the latest one`,
      );
    const items = await tx.approvalItem.findMany({
      where: { agencyId: ctx.agencyId, subjectType: SUBJECT_TYPE, subjectId: artifactId },
      select: { approverRole: true, status: true },
    });
    if (
      !items.some((i) => i.approverRole !== "CLIENT" && (APPROVED_OUTCOMES as readonly string[]).includes(i.status))
    ) {
      throw new AppError("CONFLICT", "Approve this version internally before sending it to the client");
    }
    if (
      items.some(
        (i) =>
          i.approverRole === "CLIENT" &&
          (i.status === "PENDING" || (APPROVED_OUTCOMES as readonly string[]).includes(i.status)),
      )
    ) {
      throw new AppError("CONFLICT", "This version was already sent to the client");
    }
    const approval = await openReview(tx, ctx, task.campaign, task, artifact, "CLIENT");
    await tx.contentTask.update({ where: { id: task.id }, data: { status: "IN_REVIEW", version: { increment: 1 } } });
    const label = `${ARTIFACT_TYPE_LABELS[artifact.artifactType]} v${artifact.version} of "${task.title}"`;
    await writeAudit(tx, ctx, {
      action: "content.send_to_client",
      model: "ApprovalItem",
      recordId: approval.id,
      display: label,
      parent: { model: "Campaign", id: task.campaignId },
      before: { taskStatus: task.status },
      after: { taskStatus: "IN_REVIEW", subjectVersion: artifact.version, approverRole: "CLIENT" },
    });
    const recipients = await approversOf(tx, ctx.agencyId, approval);
    const emailIds = await notifyUsers(tx, ctx.agencyId, recipients, (r) => ({
      type: "approval.requested",
      title: `${label} (${task.campaign.name}) waits for your approval`,
      body: `${ctx.name} sent it; please decide by ${approval.dueAt?.toISOString().slice(0, 10)}.`,
      link: approvalLink(approval, r),
    }));
    return { approval, emailIds };
  });
  await deliverEmails(emailIds);
  return approval;
}
