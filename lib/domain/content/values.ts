// The value lists and labels of the content forms, without zod: client components import them from here, so that
// the schemas (and zod) stay out of the pages' first-load JavaScript (issue 14, npm run bench:js). The schemas
// re-export them.

export const ARTIFACT_TYPES = ["SCRIPT", "DRAFT", "FINAL", "CAPTION", "THUMBNAIL"] as const;
export type ArtifactTypeValue = (typeof ARTIFACT_TYPES)[number];
export const TASK_STATUSES = [
  "OFFERED",
  "ACCEPTED",
  "DECLINED",
  "IN_PROGRESS",
  "SUBMITTED",
  "IN_REVIEW",
  "CHANGES_REQUESTED",
  "APPROVED",
  "SCHEDULED",
  "PUBLISHED",
  "CANCELLED",
] as const;
export type TaskStatusValue = (typeof TASK_STATUSES)[number];
export const ARTIFACT_TYPE_LABELS: Record<ArtifactTypeValue, string> = {
  SCRIPT: "Script",
  DRAFT: "Draft",
  FINAL: "Final",
  CAPTION: "Caption",
  THUMBNAIL: "Thumbnail",
};
export const TASK_STATUS_LABELS: Record<TaskStatusValue, string> = {
  OFFERED: "Offered",
  ACCEPTED: "Accepted",
  DECLINED: "Declined",
  IN_PROGRESS: "In progress",
  SUBMITTED: "Submitted",
  IN_REVIEW: "With the client",
  CHANGES_REQUESTED: "Changes requested",
  APPROVED: "Approved",
  SCHEDULED: "Scheduled",
  PUBLISHED: "Published",
  CANCELLED: "Cancelled",
};
