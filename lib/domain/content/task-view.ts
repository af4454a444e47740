import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ArtifactType, ContentTaskStatus } from "@/lib/generated/prisma/enums";
import { OPEN_TASK_STATUSES, ARTIFACT_TYPE_LABELS } from "./schemas";
import { APPROVED_OUTCOMES, SUBJECT_TYPE, type Stage } from "./lifecycle";

export function isOverdue(task: { dueAt: Date | null; status: ContentTaskStatus }, now = new Date()) {
  return Boolean(task.dueAt && task.dueAt < now && (OPEN_TASK_STATUSES as readonly string[]).includes(task.status));
}

export type LatestArtifact = {
  id: string;
  artifactType: ArtifactType;
  version: number;
  mimeType: string | null;
  createdAt: Date;
};

// For the task lists, which run as one statement each (lib/db/sql.ts): per task, a json array of its latest
// artifact of each type (in the enum's order) and the stage of its pending review (CLIENT wins over INTERNAL).

/** An item of LATEST_ARTIFACTS_SQL as `pg` returns it (createdAt an ISO string; approvedStages when asked for). */
export type LatestArtifactJson = Omit<LatestArtifact, "createdAt"> & {
  createdAt: string | Date;
  approvedStages?: Stage[] | null;
};

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
  return (items ?? []).map((a) => ({
    id: a.id,
    artifactType: a.artifactType,
    version: a.version,
    mimeType: a.mimeType,
    createdAt: new Date(a.createdAt),
  }));
}

/** What the influencer should do next on a task, as a sentence and the artifact type due. */
export function nextStep(
  task: { status: ContentTaskStatus; requiredArtifacts: ArtifactType[] },
  latest: LatestArtifact[],
  approvedTypes: Set<ArtifactType>,
): { text: string; artifactType: ArtifactType | null } {
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
      return {
        text: `Upload a new version of the ${changed ? ARTIFACT_TYPE_LABELS[changed].toLowerCase() : "content"}`,
        artifactType: changed,
      };
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
