import "server-only";
import type { Tx } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { writeAudit, type AuditActor } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import type { ApprovalItem, ContentArtifact, ContentTask, Prisma } from "@/lib/generated/prisma/client";
import type { ApprovalType, ArtifactType, ReviewOutcome } from "@/lib/generated/prisma/enums";
import { clientApprovesContent } from "@/lib/domain/campaigns/load-campaign-facts";
import { addDays, approvalPolicy } from "@/lib/domain/approvals/policy";
import { loadRecipients, notifyUsers } from "@/lib/domain/notifications/notify";
import type { SubjectHooks } from "@/lib/domain/approvals/subject-hooks";
import { ARTIFACT_TYPE_LABELS, REVIEW_OUTCOME_LABELS } from "./schemas";

// The task lifecycle and the two review stages of an artifact version, on top of the approval engine:
//   OFFERED → ACCEPTED | DECLINED; upload → SUBMITTED (internal ApprovalItem to the campaign owner);
//   internal changes/reject → CHANGES_REQUESTED; internal approval → (client approves content) waits for
//   "send to client" → IN_REVIEW (CLIENT ApprovalItem) → client approval completes the type, or
//   (client does not approve content) completes the type at once. A task whose required artifact types all
//   have their latest version approved at the final stage is APPROVED, otherwise IN_PROGRESS (next type due).
//   APPROVED → SCHEDULED (by hand) → PUBLISHED (post URL recorded). CANCELLED from any open state.

export const SUBJECT_TYPE = "ContentArtifact";
export type Stage = "INTERNAL" | "CLIENT";
export const APPROVED_OUTCOMES = ["APPROVED", "APPROVED_WITH_CONDITIONS"] as const;

export type ArtifactSnapshot = {
  stage: Stage;
  taskId: string;
  artifactType: ArtifactType;
  version: number;
  fileHash: string | null;
  mimeType: string | null;
  fileName: string | null;
  hasText: boolean;
};

export function approvalTypeOf(artifactType: ArtifactType): ApprovalType {
  return artifactType === "SCRIPT" ? "SCRIPT" : "CONTENT";
}

export function stageOf(item: Pick<ApprovalItem, "approverRole">): Stage {
  return item.approverRole === "CLIENT" ? "CLIENT" : "INTERNAL";
}

/** Locks the task row for the rest of the transaction: uploads and decisions of one task run one at a time. */
export async function lockTask(tx: Tx, agencyId: string, taskId: string) {
  await tx.$queryRaw`SELECT id FROM "ContentTask" WHERE id = ${taskId}::uuid AND "agencyId" = ${agencyId}::uuid FOR UPDATE`;
}

export function taskLink(taskId: string, campaignId: string, who: "staff" | "creator" | "client") {
  if (who === "creator") return `/creator/tasks/${taskId}`;
  if (who === "client") return `/client/content/${taskId}`;
  return `/agency/campaigns/${campaignId}/content/${taskId}`;
}

/** The influencer's user (if the profile has one), for notifications. */
export async function creatorUserOf(tx: Tx, task: Pick<ContentTask, "agencyId" | "influencerId">) {
  const profile = await tx.influencerProfile.findFirst({
    where: { agencyId: task.agencyId, id: task.influencerId },
    select: { userId: true },
  });
  return profile?.userId ? loadRecipients(tx, task.agencyId, [profile.userId]) : [];
}

/** The latest version of each artifact type of a task. */
export async function latestArtifacts(
  tx: Tx,
  agencyId: string,
  taskId: string,
): Promise<Map<ArtifactType, ContentArtifact>> {
  const rows = await tx.contentArtifact.findMany({
    where: { agencyId, taskId },
    orderBy: [{ artifactType: "asc" }, { version: "desc" }],
    distinct: ["artifactType"],
  });
  return new Map(rows.map((r) => [r.artifactType, r]));
}

/**
 * Supersedes the pending approvals (either stage) of older versions of one artifact type of a task, inside
 * the caller's transaction; returns their ids.
 */
export async function supersedeTaskType(
  tx: Tx,
  actor: AuditActor & { agencyId: string },
  task: Pick<ContentTask, "id" | "campaignId">,
  artifactType: ArtifactType,
  newVersion: number,
) {
  const olderIds = (
    await tx.contentArtifact.findMany({
      where: { agencyId: actor.agencyId, taskId: task.id, artifactType, version: { lt: newVersion } },
      select: { id: true },
    })
  ).map((a) => a.id);
  if (!olderIds.length) return [];
  const pending = await tx.approvalItem.findMany({
    where: {
      agencyId: actor.agencyId,
      contentTaskId: task.id,
      subjectType: SUBJECT_TYPE,
      subjectId: { in: olderIds },
      status: "PENDING",
    },
    select: { id: true, subjectVersion: true, type: true },
  });
  if (!pending.length) return [];
  await tx.approvalItem.updateMany({
    where: { id: { in: pending.map((p) => p.id) }, status: "PENDING" },
    data: { status: "SUPERSEDED" },
  });
  for (const item of pending) {
    await writeAudit(tx, actor, {
      action: "approval.supersede",
      model: "ApprovalItem",
      recordId: item.id,
      display: `${ARTIFACT_TYPE_LABELS[artifactType]} v${item.subjectVersion} → v${newVersion}`,
      parent: { model: "Campaign", id: task.campaignId },
      before: { status: "PENDING" },
      after: { status: "SUPERSEDED" },
    });
  }
  return pending.map((p) => p.id);
}

/** Opens an approval of one exact artifact version at a stage, addressed per the lead's design. */
export async function openReview(
  tx: Tx,
  ctx: AuthContext,
  campaign: { id: string; clientId: string; ownerId: string; policy: Prisma.JsonValue },
  task: Pick<ContentTask, "id">,
  artifact: ContentArtifact,
  stage: Stage,
) {
  const policy = approvalPolicy(campaign.policy);
  const now = new Date();
  const snapshot: ArtifactSnapshot = {
    stage,
    taskId: task.id,
    artifactType: artifact.artifactType,
    version: artifact.version,
    fileHash: artifact.fileHash,
    mimeType: artifact.mimeType,
    fileName: artifact.fileName,
    hasText: artifact.text !== null,
  };
  const approver =
    stage === "CLIENT"
      ? {
          approverUserId: null,
          approverRole: "CLIENT" as const,
          approverScopeType: "CLIENT" as const,
          approverScopeId: campaign.clientId,
        }
      : { approverUserId: campaign.ownerId, approverRole: null, approverScopeType: null, approverScopeId: null };
  const item = await tx.approvalItem.create({
    data: {
      agencyId: ctx.agencyId,
      campaignId: campaign.id,
      type: approvalTypeOf(artifact.artifactType),
      subjectType: SUBJECT_TYPE,
      subjectId: artifact.id,
      subjectVersion: artifact.version,
      subjectSnapshot: snapshot as unknown as Prisma.InputJsonValue,
      ...approver,
      // Internal reviews are asked for by the upload itself; the influencer hears of the outcome through the hook.
      requestedById: stage === "CLIENT" ? ctx.userId : null,
      contentTaskId: task.id,
      dueAt: addDays(now, policy.dueDays),
      // An internal review does not expire (it escalates); a client review expires per policy.
      expiresAt: stage === "CLIENT" ? addDays(now, policy.expiryDays) : null,
    },
  });
  return item;
}

/** Which stage completes a type: the client's when the policy says the client approves content. */
export function finalStage(policy: Prisma.JsonValue): Stage {
  return clientApprovesContent(policy) ? "CLIENT" : "INTERNAL";
}

/** Whether every required type's latest version is approved at the final stage. */
export async function allRequiredApproved(tx: Tx, task: ContentTask, policy: Prisma.JsonValue): Promise<boolean> {
  const latest = await latestArtifacts(tx, task.agencyId, task.id);
  const required = task.requiredArtifacts.length ? task.requiredArtifacts : [...latest.keys()];
  if (!required.length) return false;
  const ids = required.map((t) => latest.get(t)?.id);
  if (ids.some((id) => !id)) return false;
  const approved = await tx.contentReview.findMany({
    where: {
      agencyId: task.agencyId,
      artifactId: { in: ids as string[] },
      stage: finalStage(policy),
      outcome: { in: [...APPROVED_OUTCOMES] },
    },
    select: { artifactId: true },
    distinct: ["artifactId"],
  });
  return approved.length === ids.length;
}

async function moveTask(
  tx: Tx,
  ctx: AuthContext,
  task: ContentTask,
  status: ContentTask["status"],
  reason: string,
  extra: Prisma.ContentTaskUpdateInput = {},
) {
  if (task.status === status && !Object.keys(extra).length) return task;
  const updated = await tx.contentTask.update({
    where: { id: task.id },
    data: { status, version: { increment: 1 }, ...extra },
  });
  await writeAudit(tx, ctx, {
    action: "content.task.status",
    model: "ContentTask",
    recordId: task.id,
    display: `${task.title}: ${reason}`,
    parent: { model: "Campaign", id: task.campaignId },
    before: { status: task.status },
    after: { status },
  });
  return updated;
}

/** After the latest version of a type is approved at its final stage: the task is APPROVED or the next type is due. */
export async function completeType(tx: Tx, ctx: AuthContext, task: ContentTask, policy: Prisma.JsonValue) {
  if (await allRequiredApproved(tx, task, policy))
    return moveTask(tx, ctx, task, "APPROVED", "all content approved", { approvedAt: new Date() });
  return moveTask(tx, ctx, task, "IN_PROGRESS", "next artifact due");
}

export const contentApprovalHooks: SubjectHooks = {
  async beforeDecision(tx, _ctx, item) {
    if (!item.contentTaskId) throw new AppError("CONFLICT", "This content approval has no task");
    await lockTask(tx, item.agencyId, item.contentTaskId);
    const artifact = await tx.contentArtifact.findFirst({
      where: { agencyId: item.agencyId, id: item.subjectId },
      select: { taskId: true, artifactType: true, version: true },
    });
    if (!artifact) throw new AppError("CONFLICT", "The version this approval is about no longer exists");
    const newer = await tx.contentArtifact.count({
      where: {
        agencyId: item.agencyId,
        taskId: artifact.taskId,
        artifactType: artifact.artifactType,
        version: { gt: artifact.version },
      },
    });
    if (newer)
      throw new AppError(
        "CONFLICT",
        `A newer version of this ${ARTIFACT_TYPE_LABELS[artifact.artifactType].toLowerCase()} was uploaded since (v${artifact.version} is no longer the latest): open the current one.`,
      );
    const task = await tx.contentTask.findUniqueOrThrow({
      where: { id: item.contentTaskId },
      select: { status: true },
    });
    if (task.status === "CANCELLED") throw new AppError("CONFLICT", "This content task was cancelled");
  },

  async afterDecision(tx, ctx, decided) {
    const artifact = await tx.contentArtifact.findFirstOrThrow({
      where: { agencyId: decided.agencyId, id: decided.subjectId },
    });
    const stage = stageOf(decided);
    const outcome = decided.status as ReviewOutcome;
    await tx.contentReview.create({
      data: {
        agencyId: decided.agencyId,
        taskId: artifact.taskId,
        artifactId: artifact.id,
        artifactVersion: artifact.version,
        stage,
        approvalId: decided.id,
        outcome,
        conditions: decided.conditions,
        note: decided.decisionNote,
        reviewerId: ctx.userId,
      },
    });
    let task = await tx.contentTask.findUniqueOrThrow({ where: { id: artifact.taskId } });
    const campaign = await tx.campaign.findUniqueOrThrow({
      where: { id: task.campaignId },
      select: { policy: true, name: true },
    });
    const approved = (APPROVED_OUTCOMES as readonly string[]).includes(outcome);
    const label = `${ARTIFACT_TYPE_LABELS[artifact.artifactType]} v${artifact.version} of "${task.title}"`;
    if (!approved)
      task = await moveTask(
        tx,
        ctx,
        task,
        "CHANGES_REQUESTED",
        `${label}: ${REVIEW_OUTCOME_LABELS[outcome].toLowerCase()} (${stage.toLowerCase()})`,
      );
    else if (stage === "CLIENT" || finalStage(campaign.policy) === "INTERNAL")
      task = await completeType(tx, ctx, task, campaign.policy);
    // Approved internally while the client approves content: the task waits (SUBMITTED) for "send to client".

    const creator = await creatorUserOf(tx, task);
    return notifyUsers(tx, task.agencyId, creator, () => ({
      type: "content.reviewed",
      title: `${label}: ${REVIEW_OUTCOME_LABELS[outcome].toLowerCase()}${stage === "CLIENT" ? " by the client" : ""}`,
      body:
        [
          stage === "INTERNAL" && decided.decisionNote ? `Note: ${decided.decisionNote}` : null,
          decided.conditions ? `Conditions: ${decided.conditions}` : null,
        ]
          .filter(Boolean)
          .join("\n") || null,
      link: taskLink(task.id, task.campaignId, "creator"),
    }));
  },
};
