import type { Tx } from "@/lib/db/client";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ArtifactType, ContentTaskStatus } from "@/lib/generated/prisma/enums";
import { OPEN_TASK_STATUSES, ARTIFACT_TYPE_LABELS } from "./schemas";
import { APPROVED_OUTCOMES, SUBJECT_TYPE, stageOf, type Stage } from "./lifecycle";

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

// taskExtras as SQL, for the lists that run as one statement (lib/db/sql.ts): a json array of the task's
// latest artifact per type (in the enum's order, as taskExtras returns them) and the pending review's stage.

/** An item of LATEST_ARTIFACTS_SQL as `pg` returns it (createdAt an ISO string; approvedStages when asked for). */
export type LatestArtifactJson = Omit<LatestArtifact, "createdAt"> & { createdAt: string | Date; approvedStages?: Stage[] | null };

/**
 * The latest version of each artifact type of task alias `t` as a json array (NULL when none); with
 * `approvedStages`, each item also lists the review stages that approved that exact version.
 */
export function LATEST_ARTIFACTS_SQL(t: Prisma.Sql, approvedStages = false): Prisma.Sql {
  const approved = approvedStages
    ? Prisma.sql`, 'approvedStages', (SELECT json_agg(DISTINCT r.stage) FROM "ContentReview" r
        WHERE r."artifactId" = la.id AND r."taskId" = ${t}.id AND r."agencyId" = ${t}."agencyId"
          AND r.outcome = ANY(${[...APPROVED_OUTCOMES]}::"ReviewOutcome"[]))`
    : Prisma.empty;
  return Prisma.sql`(SELECT json_agg(json_build_object('id', la.id, 'artifactType', la."artifactType", 'version', la.version,
      'mimeType', la."mimeType", 'createdAt', la."createdAt"${approved}) ORDER BY la."artifactType")
    FROM (SELECT DISTINCT ON (a."artifactType") a.id, a."artifactType", a.version, a."mimeType", a."createdAt"
          FROM "ContentArtifact" a WHERE a."taskId" = ${t}.id AND a."agencyId" = ${t}."agencyId"
          ORDER BY a."artifactType", a.version DESC) la)`;
}

/** The stage of task alias `t`'s pending review (CLIENT when any is the client's), NULL when none. */
export function PENDING_STAGE_SQL(t: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT CASE WHEN bool_or(pa."approverRole" = 'CLIENT') THEN 'CLIENT' ELSE 'INTERNAL' END
    FROM "ApprovalItem" pa WHERE pa."contentTaskId" = ${t}.id AND pa."agencyId" = ${t}."agencyId"
      AND pa."subjectType" = ${SUBJECT_TYPE} AND pa.status = 'PENDING' HAVING count(*) > 0)`;
}

/** LATEST_ARTIFACTS_SQL's json as taskExtras' LatestArtifact list (createdAt a Date). */
export function toLatestArtifacts(items: LatestArtifactJson[] | null): LatestArtifact[] {
  return (items ?? []).map((a) => ({ id: a.id, artifactType: a.artifactType, version: a.version, mimeType: a.mimeType, createdAt: new Date(a.createdAt) }));
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
