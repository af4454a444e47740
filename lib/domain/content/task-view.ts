import type { Tx } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import type { ArtifactType, ContentTaskStatus } from "@/lib/generated/prisma/enums";
import { OPEN_TASK_STATUSES, ARTIFACT_TYPE_LABELS } from "./schemas";
import { SUBJECT_TYPE, stageOf } from "./lifecycle";

export const taskListInclude = {
  campaign: { select: { id: true, name: true } },
  assignment: { select: { influencer: { select: { id: true, displayName: true } } } },
} as const;

export function isOverdue(task: { dueAt: Date | null; status: ContentTaskStatus }, now = new Date()) {
  return Boolean(task.dueAt && task.dueAt < now && (OPEN_TASK_STATUSES as readonly string[]).includes(task.status));
}

export type LatestArtifact = { id: string; artifactType: ArtifactType; version: number; mimeType: string | null; createdAt: Date };

/** For a page of tasks: the latest artifact of each type and the stage of the pending approval (one query each). */
export async function taskExtras(taskIds: string[], agencyId: string, client: Tx | typeof db = db) {
  const [latest, pending] = await Promise.all([
    client.contentArtifact.findMany({
      where: { agencyId, taskId: { in: taskIds } },
      orderBy: [{ taskId: "asc" }, { artifactType: "asc" }, { version: "desc" }],
      distinct: ["taskId", "artifactType"],
      select: { id: true, taskId: true, artifactType: true, version: true, mimeType: true, createdAt: true },
    }),
    client.approvalItem.findMany({
      where: { agencyId, contentTaskId: { in: taskIds }, subjectType: SUBJECT_TYPE, status: "PENDING" },
      select: { contentTaskId: true, approverRole: true, subjectVersion: true, id: true },
    }),
  ]);
  const latestBy = new Map<string, LatestArtifact[]>();
  for (const a of latest) latestBy.set(a.taskId, [...(latestBy.get(a.taskId) ?? []), { id: a.id, artifactType: a.artifactType, version: a.version, mimeType: a.mimeType, createdAt: a.createdAt }]);
  const pendingBy = new Map<string, "INTERNAL" | "CLIENT">();
  for (const p of pending) {
    if (!p.contentTaskId) continue;
    const stage = stageOf(p);
    if (stage === "CLIENT" || !pendingBy.has(p.contentTaskId)) pendingBy.set(p.contentTaskId, stage);
  }
  return { latestBy, pendingBy };
}

/** What the influencer should do next on a task, as a sentence and the artifact type due. */
export function nextStep(task: { status: ContentTaskStatus; requiredArtifacts: ArtifactType[] }, latest: LatestArtifact[], approvedTypes: Set<ArtifactType>): { text: string; artifactType: ArtifactType | null } {
  const due = task.requiredArtifacts.find((t) => !approvedTypes.has(t)) ?? null;
  const dueLabel = due ? ARTIFACT_TYPE_LABELS[due].toLowerCase() : "content";
  switch (task.status) {
    case "OFFERED":
      return { text: "Accept or decline the offer", artifactType: null };
    case "ACCEPTED":
    case "IN_PROGRESS":
      return { text: `Upload the ${dueLabel}`, artifactType: due };
    case "CHANGES_REQUESTED": {
      const changed = latest.find((l) => !approvedTypes.has(l.artifactType))?.artifactType ?? due;
      return { text: `Upload a new version of the ${changed ? ARTIFACT_TYPE_LABELS[changed].toLowerCase() : "content"}`, artifactType: changed };
    }
    case "SUBMITTED":
      return { text: "Waiting for the agency's review", artifactType: null };
    case "IN_REVIEW":
      return { text: "Waiting for the client's review", artifactType: null };
    case "APPROVED":
    case "SCHEDULED":
      return { text: "Publish the post and share its link", artifactType: null };
    default:
      return { text: "Nothing to do", artifactType: null };
  }
}
