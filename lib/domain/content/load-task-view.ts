import "server-only";
import type { AuthContext } from "@/lib/auth/context";
import { getContentTask } from "./get-content-task";
import type { ArtifactTypeName, ArtifactView, ContentTaskView } from "./view-types";

// One task's page (agency review, creator task, client review) as components/content renders it (view-types.ts).

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

/** One task for its page (agency review, creator task, client review), with what the viewer may do. */
export async function loadTaskView(ctx: AuthContext, taskId: string): Promise<ContentTaskView> {
  const detail = await getContentTask(ctx, taskId);
  const { task, can } = detail;
  const versions = detail.artifacts.flatMap((g) => g.versions);
  const toView = (v: (typeof versions)[number]): ArtifactView => {
    const internal = [...v.reviews].reverse().find((r) => r.stage === "INTERNAL");
    const internalApproved = v.internalStatus === "APPROVED" || v.internalStatus === "APPROVED_WITH_CONDITIONS";
    return {
      id: v.id,
      artifactType: v.artifactType as ArtifactTypeName,
      version: v.version,
      fileName: v.fileName,
      mimeType: v.mimeType,
      sizeBytes: v.sizeBytes,
      text: v.text,
      note: v.note,
      createdAt: new Date(v.createdAt).toISOString(),
      uploadedByName: v.uploadedBy.id ? v.uploadedBy.name : null,
      review:
        internal && (internal.outcome === "APPROVED" || internal.outcome === "CHANGES_REQUESTED")
          ? { outcome: internal.outcome, note: internal.note }
          : internal
            ? { outcome: "CHANGES_REQUESTED", note: internal.note }
            : null,
      clientStatus: v.clientStatus,
      internalPending: v.internalStatus === "PENDING",
      canReview: can.review && v.approvals.some((a) => a.stage === "INTERNAL" && a.canDecide),
      canSend:
        can.sendToClient &&
        v.isLatest &&
        internalApproved &&
        (v.clientStatus === null || !["PENDING", "APPROVED", "APPROVED_WITH_CONDITIONS"].includes(v.clientStatus)),
    };
  };
  const required = task.requiredArtifacts as ArtifactTypeName[];
  return {
    id: task.id,
    title: task.title,
    status: task.status,
    instructions: task.instructions,
    dueAt: iso(task.dueAt),
    overdue: task.overdue,
    fee: task.fee,
    currency: task.currency,
    deliverableType: task.deliverableType,
    requiredArtifacts: required,
    declineReason: task.declineReason,
    campaign: { id: task.campaign.id, name: task.campaign.name },
    influencerName: task.influencer.name,
    version: task.version,
    groups: detail.artifacts.map((g) => ({
      type: g.artifactType as ArtifactTypeName,
      versions: g.versions.map(toView),
    })),
    comments: versions
      .flatMap((v) =>
        v.approvals.flatMap((a) =>
          a.comments.map((c) => ({
            id: c.id,
            artifactId: v.id,
            body: c.body,
            anchor: (c.anchor ?? null) as ContentTaskView["comments"][number]["anchor"],
            internal: c.internal,
            createdAt: new Date(c.createdAt).toISOString(),
            author: { name: c.author.name, isClient: c.author.side === "client" },
          })),
        ),
      )
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    reviews: versions.flatMap((v) =>
      v.reviews.map((r) => ({
        id: r.id,
        artifactId: v.id,
        artifactType: v.artifactType as ArtifactTypeName,
        version: v.version,
        stage: r.stage,
        outcome: r.outcome,
        note: r.note,
        conditions: r.conditions,
        reviewerName: r.reviewer.id ? r.reviewer.name : null,
        createdAt: new Date(r.createdAt).toISOString(),
      })),
    ),
    publication: { publishedUrl: task.publishedUrl, publishedAt: iso(task.publishedAt), ...pick(task.metrics) },
    nextDue: (detail.nextStep.artifactType as ArtifactTypeName | null) ?? null,
    can: {
      review: can.review,
      send: can.sendToClient,
      sendHint:
        detail.viewer === "staff" && !task.campaign.clientApprovesContent
          ? "The campaign's policy has no client approval of content: the agency's approval completes it."
          : null,
      upload: can.upload,
      comment: can.comment,
      manage: can.edit,
      cancel: can.cancel,
      recordPublication: can.recordPublication,
      edit: can.edit,
    },
  };
}

function pick(m: {
  views: number | null;
  reach: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  clicks: number | null;
}) {
  return {
    views: m.views,
    reach: m.reach,
    likes: m.likes,
    comments: m.comments,
    shares: m.shares,
    saves: m.saves,
    clicks: m.clicks,
  };
}
