import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import type { ArtifactType } from "@/lib/generated/prisma/enums";
import { addressedToCaller } from "@/lib/domain/approvals/scope";
import { closedMessage } from "@/lib/domain/approvals/decide-approval";
import { clientApprovesContent } from "@/lib/domain/campaigns/load-campaign-facts";
import { ARTIFACT_TYPES, ARTIFACT_TYPE_LABELS, TASK_STATUS_LABELS, UPLOADABLE_STATUSES } from "./schemas";
import { idSchema } from "@/lib/domain/id";
import { APPROVED_OUTCOMES, finalStage, stageOf, SUBJECT_TYPE } from "./lifecycle";
import { artifactScope, taskScope, viewerOf } from "./scope";
import { isOverdue, nextStep } from "./task-view";
import { PUBLISHABLE } from "./record-publication";

/**
 * One task as the caller may see it: the task, its artifacts grouped by type with every version (a client:
 * only the versions sent to them), the review outcomes, the approvals with their comment threads filtered
 * for the viewer (a client: only items addressed to them and no internal comments; an influencer: the
 * internal reviews without internal comments), each comment's author marked client or agency, and what the
 * caller may do now.
 */
export async function getContentTask(ctx: AuthContext, taskId: string) {
  const viewer = viewerOf(ctx);
  if (!idSchema.safeParse(taskId).success) throw notFound("Content task");
  const task = await db.contentTask.findFirst({
    where: { AND: [await taskScope(ctx), { id: taskId }] },
    include: {
      campaign: {
        select: {
          id: true,
          name: true,
          status: true,
          policy: true,
          ownerId: true,
          client: { select: { id: true, name: true } },
        },
      },
      assignment: { select: { influencer: { select: { id: true, displayName: true } } } },
    },
  });
  if (!task) throw notFound("Content task");
  const artifacts = await db.contentArtifact.findMany({
    where: { AND: [await artifactScope(ctx), { taskId }] },
    orderBy: [{ artifactType: "asc" }, { version: "desc" }],
  });
  const artifactIds = artifacts.map((a) => a.id);
  const approvalWhere =
    viewer === "client"
      ? {
          AND: [
            addressedToCaller(ctx),
            { subjectType: SUBJECT_TYPE, contentTaskId: taskId, approverRole: "CLIENT" as const },
          ],
        }
      : viewer === "creator"
        ? { agencyId: ctx.agencyId, subjectType: SUBJECT_TYPE, contentTaskId: taskId, approverRole: null }
        : { agencyId: ctx.agencyId, subjectType: SUBJECT_TYPE, contentTaskId: taskId };
  const approvals = await db.approvalItem.findMany({ where: approvalWhere, orderBy: { createdAt: "asc" } });
  const approvalIds = approvals.map((a) => a.id);
  const [comments, reviews, addressed] = await Promise.all([
    db.approvalComment.findMany({
      where: {
        agencyId: ctx.agencyId,
        approvalId: { in: approvalIds },
        ...(viewer === "staff" ? {} : { internal: false }),
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.contentReview.findMany({
      where: {
        agencyId: ctx.agencyId,
        taskId,
        artifactId: { in: artifactIds },
        ...(viewer === "client" ? { stage: "CLIENT" as const } : {}),
      },
      orderBy: { createdAt: "asc" },
    }),
    db.approvalItem.findMany({
      where: { AND: [addressedToCaller(ctx), { id: { in: approvalIds } }] },
      select: { id: true },
    }),
  ]);
  const people = await db.user.findMany({
    where: {
      agencyId: ctx.agencyId,
      id: {
        in: [
          ...new Set(
            [
              ...comments.map((c) => c.authorId),
              ...reviews.map((r) => r.reviewerId),
              ...artifacts.map((a) => a.uploadedById),
            ].filter((v): v is string => Boolean(v)),
          ),
        ],
      },
    },
    select: { id: true, name: true, roleAssignments: { select: { role: true } } },
  });
  const person = (id: string | null) => {
    const p = people.find((u) => u.id === id);
    const roles = p?.roleAssignments.map((r) => r.role) ?? [];
    const side = roles.some((r) => r === "CM" || r === "DIR" || r === "FIN" || r === "ADM")
      ? "agency"
      : roles.includes("CLIENT")
        ? "client"
        : roles.includes("INF")
          ? "creator"
          : "agency";
    return { id, name: p?.name ?? "Former user", side: side as "agency" | "client" | "creator" };
  };
  const addressedIds = new Set(addressed.map((a) => a.id));
  const policy = task.campaign.policy;
  const stageFinal = finalStage(policy);
  const approvedIds = new Set(
    reviews
      .filter((r) => r.stage === stageFinal && (APPROVED_OUTCOMES as readonly string[]).includes(r.outcome))
      .map((r) => r.artifactId),
  );

  const views = artifacts.map((a) => {
    const items = approvals.filter((i) => i.subjectId === a.id);
    const latestOfType = artifacts.find((x) => x.artifactType === a.artifactType)?.id === a.id;
    const internal = [...items].reverse().find((i) => stageOf(i) === "INTERNAL");
    const client = [...items].reverse().find((i) => stageOf(i) === "CLIENT");
    return {
      id: a.id,
      artifactType: a.artifactType,
      version: a.version,
      isLatest: latestOfType,
      fileUrl: a.fileHash ? `/api/content/artifacts/${a.id}/file` : null,
      fileName: a.fileName,
      mimeType: a.mimeType,
      sizeBytes: a.sizeBytes === null ? null : Number(a.sizeBytes),
      text: a.text,
      note: a.note,
      uploadedBy: person(a.uploadedById),
      createdAt: a.createdAt,
      internalStatus: internal?.status ?? null,
      clientStatus: client?.status ?? null,
      approved: approvedIds.has(a.id),
      reviews: reviews
        .filter((r) => r.artifactId === a.id)
        .map((r) => ({
          id: r.id,
          stage: r.stage,
          outcome: r.outcome,
          conditions: r.conditions,
          note: viewer === "creator" && r.stage === "CLIENT" ? null : r.note,
          reviewer: person(r.reviewerId),
          createdAt: r.createdAt,
        })),
      approvals: items.map((i) => ({
        id: i.id,
        stage: stageOf(i),
        status: i.status,
        subjectVersion: i.subjectVersion,
        dueAt: i.dueAt,
        decidedAt: i.decidedAt,
        conditions: i.conditions,
        decisionNote: i.decisionNote,
        canDecide: addressedIds.has(i.id) && closedMessage(i) === null && latestOfType,
        comments: comments
          .filter((c) => c.approvalId === i.id)
          .map((c) => ({
            id: c.id,
            body: c.body,
            anchor: c.anchor,
            internal: c.internal,
            createdAt: c.createdAt,
            author: person(c.authorId),
          })),
      })),
    };
  });
  const groups = ARTIFACT_TYPES.filter(
    (t) => views.some((v) => v.artifactType === t) || task.requiredArtifacts.includes(t),
  ).map((t) => ({
    artifactType: t,
    label: ARTIFACT_TYPE_LABELS[t],
    required: task.requiredArtifacts.includes(t),
    versions: views.filter((v) => v.artifactType === t),
  }));
  const latest = groups.flatMap((g) =>
    g.versions[0]
      ? [
          {
            id: g.versions[0].id,
            artifactType: g.artifactType as ArtifactType,
            version: g.versions[0].version,
            mimeType: g.versions[0].mimeType,
            createdAt: g.versions[0].createdAt,
          },
        ]
      : [],
  );
  const approvedTypes = new Set(latest.filter((l) => approvedIds.has(l.id)).map((l) => l.artifactType));
  const staff = viewer === "staff";
  const open = !["CANCELLED", "DECLINED", "PUBLISHED"].includes(task.status);
  const latestIds = new Set(latest.map((l) => l.id));
  return {
    viewer,
    task: {
      id: task.id,
      title: task.title,
      instructions: task.instructions,
      deliverableType: task.deliverableType,
      status: task.status,
      statusLabel: TASK_STATUS_LABELS[task.status],
      dueAt: task.dueAt,
      overdue: isOverdue(task),
      requiredArtifacts: task.requiredArtifacts,
      fee: viewer === "client" ? null : (task.fee?.toFixed(2) ?? null),
      currency: task.currency,
      declineReason: viewer === "client" ? null : task.declineReason,
      offeredAt: task.offeredAt,
      respondedAt: task.respondedAt,
      approvedAt: task.approvedAt,
      publishedUrl: task.publishedUrl,
      publishedAt: task.publishedAt,
      metrics: {
        views: task.views,
        reach: task.reach,
        likes: task.likes,
        comments: task.comments,
        shares: task.shares,
        saves: task.saves,
        clicks: task.clicks,
        updatedAt: task.metricsUpdatedAt,
      },
      version: task.version,
      campaign: {
        id: task.campaign.id,
        name: task.campaign.name,
        status: task.campaign.status,
        client: task.campaign.client,
        clientApprovesContent: clientApprovesContent(policy),
      },
      influencer: { id: task.assignment.influencer.id, name: task.assignment.influencer.displayName },
    },
    artifacts: groups,
    nextStep: nextStep(task, latest, approvedTypes),
    can: {
      respond: viewer === "creator" && task.status === "OFFERED",
      upload: viewer === "creator" && (UPLOADABLE_STATUSES as readonly string[]).includes(task.status),
      review:
        staff &&
        can(ctx, "content.review") &&
        views.some((v) => latestIds.has(v.id) && v.approvals.some((i) => i.stage === "INTERNAL" && i.canDecide)),
      sendToClient:
        staff &&
        can(ctx, "content.review") &&
        clientApprovesContent(policy) &&
        open &&
        views.some(
          (v) =>
            latestIds.has(v.id) &&
            (APPROVED_OUTCOMES as readonly string[]).includes(v.internalStatus ?? "") &&
            (v.clientStatus === null || !["PENDING", ...APPROVED_OUTCOMES].includes(v.clientStatus)),
        ),
      decide: viewer === "client" && views.some((v) => v.approvals.some((i) => i.canDecide)),
      comment: open && (staff || views.some((v) => v.approvals.length > 0)),
      commentInternal: staff,
      cancel: staff && can(ctx, "content.manage") && open && task.status !== "APPROVED",
      edit: staff && can(ctx, "content.manage") && open,
      recordPublication:
        staff && can(ctx, "content.manage") && (PUBLISHABLE as readonly string[]).includes(task.status),
      complete: viewer === "creator" && (task.status === "APPROVED" || task.status === "SCHEDULED"),
    },
  };
}
export type ContentTaskDetail = Awaited<ReturnType<typeof getContentTask>>;
