import { formatFee } from "@/lib/domain/format-money";
import type { AuthContext } from "@/lib/auth/context";
import { compareArtifacts } from "@/lib/domain/content/compare-artifacts";
import { getCampaignContentTotals } from "@/lib/domain/content/content-totals";
import { getCampaignContentBoard } from "@/lib/domain/content/list-campaign-tasks";
import { getContentTask } from "@/lib/domain/content/get-content-task";
import { listCreatorTasks } from "@/lib/domain/content/list-creator-tasks";
import { listShortlist } from "@/lib/domain/shortlist/list-shortlist";
import type { CompareResult } from "./content-workspace";
import type { CreatorTaskCard } from "./creator-task-cards";
import type { ContractedInfluencer } from "./create-task-form";
import type { PublicationView } from "./types";
import type { TaskRowView } from "./task-board";
import {
  allVersions,
  ARTIFACT_TYPE_LABELS,
  type ArtifactTypeName,
  type ArtifactView,
  type ContentTaskView,
} from "./types";

// Maps the content domain's results into the plain view shapes of components/content (dates as ISO
// strings), so client components receive serialisable props and the pages stay short.

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
const TASKABLE = ["CONTRACTED", "ACTIVE"];
const STAGE_LABEL = { INTERNAL: "agency review", CLIENT: "the client" } as const;

/** The campaign's content tab: the campaign, its tasks, the contracted influencers and the totals. */
export async function loadBoardView(ctx: AuthContext, campaignId: string) {
  const shortlist = await listShortlist(ctx, campaignId);
  const [board, totals] = await Promise.all([
    getCampaignContentBoard(ctx, campaignId),
    getCampaignContentTotals(ctx, campaignId),
  ]);
  const items = board.columns.flatMap((c) => c.cards);
  const tasks: TaskRowView[] = items.map((t) => ({
    id: t.id,
    title: t.title,
    status: t.status,
    influencerName: t.influencer.name,
    deliverableType: t.deliverableType,
    dueAt: iso(t.dueAt),
    overdue: t.overdue,
    latest: t.latestArtifacts.map((a) => ({ type: a.artifactType as ArtifactTypeName, version: a.version })),
    pendingStage: t.pendingStage ? STAGE_LABEL[t.pendingStage] : null,
  }));
  const contracted: ContractedInfluencer[] = shortlist.lines
    .filter((l) => TASKABLE.includes(l.status))
    .map((l) => ({
      assignmentId: l.id,
      name: l.influencer.displayName,
      fee:
        l.proposedFee === null ? null : formatFee(l.proposedFee.toFixed(2), l.currency ?? shortlist.campaign.currency),
    }));
  const publications: Record<string, PublicationView> = Object.fromEntries(
    items.map((t) => [
      t.id,
      {
        publishedUrl: t.publishedUrl,
        publishedAt: null,
        views: null,
        reach: null,
        likes: null,
        comments: null,
        shares: null,
        saves: null,
        clicks: null,
      },
    ]),
  );
  return {
    campaign: { id: shortlist.campaign.id, name: shortlist.campaign.name, status: shortlist.campaign.status },
    tasks,
    contracted,
    publications,
    totals: { published: totals.published, ...totals.totals },
  };
}

const OPEN = ["ACCEPTED", "IN_PROGRESS", "SUBMITTED", "IN_REVIEW", "CHANGES_REQUESTED", "APPROVED", "SCHEDULED"];

/** The creator's tasks in three groups: offers, work in progress, and finished ones. */
export async function loadCreatorTasks(ctx: AuthContext, cursor?: string) {
  const page = await listCreatorTasks(ctx, { take: 100, cursor });
  const cards: CreatorTaskCard[] = page.items.map((t) => {
    const newest = [...t.latestArtifacts].sort((a, b) => +new Date(b.createdAt) - +new Date(a.createdAt))[0];
    return {
      id: t.id,
      title: t.title,
      status: t.status,
      campaignName: t.campaign.name,
      deliverableType: t.deliverableType,
      fee: t.fee,
      currency: t.currency,
      dueAt: iso(t.dueAt),
      overdue: t.overdue,
      nextDue: (t.nextStep.artifactType as ArtifactTypeName | null) ?? null,
      latest: newest
        ? `${ARTIFACT_TYPE_LABELS[newest.artifactType as ArtifactTypeName]} v${newest.version} · ${t.nextStep.text}`
        : t.status === "OFFERED"
          ? null
          : t.nextStep.text,
    };
  });
  return {
    offered: cards.filter((c) => c.status === "OFFERED"),
    active: cards.filter((c) => OPEN.includes(c.status)),
    done: cards.filter((c) => c.status === "PUBLISHED" || c.status === "DECLINED" || c.status === "CANCELLED"),
    nextCursor: page.nextCursor ?? null,
  };
}

/** The version named by `?v=`, else the default one. */
export function pickArtifact(task: ContentTaskView, id: string | undefined): ArtifactView | null {
  const versions = allVersions(task);
  return (id ? versions.find((a) => a.id === id) : undefined) ?? defaultOf(task);
}

function defaultOf(task: ContentTaskView): ArtifactView | null {
  const versions = allVersions(task);
  return versions.reduce<ArtifactView | null>((best, a) => (!best || a.createdAt > best.createdAt ? a : best), null);
}

/** The comparison of `?from=` and `?to=` when both name versions of the task the caller may see. */
export async function loadCompare(
  ctx: AuthContext,
  task: ContentTaskView,
  from: string | undefined,
  to: string | undefined,
): Promise<CompareResult> {
  if (!from || !to || from === to) return null;
  const versions = allVersions(task);
  const a = versions.find((v) => v.id === from);
  const b = versions.find((v) => v.id === to);
  if (!a || !b) return null;
  try {
    const result = await compareArtifacts(ctx, task.id, { from, to });
    const diff =
      result.kind === "text"
        ? result.words.map((w) => ({
            op:
              w.kind === "added"
                ? ("insert" as const)
                : w.kind === "removed"
                  ? ("delete" as const)
                  : ("equal" as const),
            text: w.text,
          }))
        : null;
    return { from: a, to: b, diff };
  } catch {
    return { from: a, to: b, diff: null };
  }
}

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
