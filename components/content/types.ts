// What the content components share besides the view shapes (those are the domain's, lib/domain/content/view-types.ts,
// re-exported here): labels, file links, media kinds, anchors, formatting and picking a version. Browser-safe.
import {
  ARTIFACT_TYPE_LABELS as DOMAIN_ARTIFACT_TYPE_LABELS,
  TASK_STATUS_LABELS as DOMAIN_TASK_STATUS_LABELS,
} from "@/lib/domain/content/values";
import { allVersions } from "@/lib/domain/content/view-types";
import type {
  ArtifactTypeName,
  ArtifactView,
  ContentTaskView,
  ImageAnchor,
  TimeAnchor,
} from "@/lib/domain/content/view-types";

export type {
  Anchor,
  ArtifactCommentView,
  ArtifactTypeName,
  ArtifactView,
  CompareResult,
  ContentTaskView,
  ContractedInfluencer,
  CreatorTaskCard,
  DiffPart,
  ImageAnchor,
  PublicationView,
  ReviewView,
  TaskRowView,
  TimeAnchor,
} from "@/lib/domain/content/view-types";
export { allVersions };

export const ARTIFACT_TYPE_LABELS: Record<ArtifactTypeName, string> = DOMAIN_ARTIFACT_TYPE_LABELS;

export type MediaKind = "image" | "video" | "pdf" | "text" | "file" | "none";

export function fileUrl(artifactId: string) {
  return `/api/content/artifacts/${artifactId}/file`;
}

export function mediaKind(a: Pick<ArtifactView, "mimeType" | "text" | "fileName">): MediaKind {
  const mime = a.mimeType ?? "";
  if (mime.startsWith("image/")) return "image";
  if (mime.startsWith("video/")) return "video";
  if (mime === "application/pdf") return "pdf";
  if (a.fileName) return "file";
  if (a.text) return "text";
  return "none";
}

export function isImageAnchor(anchor: unknown): anchor is ImageAnchor {
  return Boolean(
    anchor &&
    typeof anchor === "object" &&
    typeof (anchor as ImageAnchor).x === "number" &&
    typeof (anchor as ImageAnchor).y === "number",
  );
}

export function isTimeAnchor(anchor: unknown): anchor is TimeAnchor {
  return Boolean(anchor && typeof anchor === "object" && typeof (anchor as TimeAnchor).seconds === "number");
}

export function formatSeconds(seconds: number) {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export function formatBytes(bytes: number | null) {
  if (bytes === null) return "";
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The domain's labels, looked up by the plain strings the pages hold. */
export const TASK_STATUS_LABELS: Record<string, string> = DOMAIN_TASK_STATUS_LABELS;

/** The version a page shows by default: the newest of the latest type in the required order that has one. */
export function defaultArtifact(task: Pick<ContentTaskView, "groups" | "requiredArtifacts">): ArtifactView | null {
  const order = [...task.requiredArtifacts, ...task.groups.map((g) => g.type)];
  let best: ArtifactView | null = null;
  for (const type of order) {
    const versions = task.groups.find((g) => g.type === type)?.versions ?? [];
    const newest = versions.reduce<ArtifactView | null>((a, b) => (a && a.version > b.version ? a : b), null);
    if (newest) best = newest;
  }
  return best;
}

export function deliverableLabel(value: string) {
  return value.charAt(0) + value.slice(1).toLowerCase().replaceAll("_", " ");
}

/** The version named by `?v=`, else the newest one. */
export function pickArtifact(task: ContentTaskView, id: string | undefined): ArtifactView | null {
  const versions = allVersions(task);
  return (
    (id ? versions.find((a) => a.id === id) : undefined) ??
    versions.reduce<ArtifactView | null>((best, a) => (!best || a.createdAt > best.createdAt ? a : best), null)
  );
}
