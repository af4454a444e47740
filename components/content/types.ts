// View shapes of the content pages: plain data that server pages map the domain results into and hand to
// the client components below (dates as ISO strings, sizes as numbers).

export type ArtifactTypeName = "SCRIPT" | "DRAFT" | "FINAL" | "CAPTION" | "THUMBNAIL";

export const ARTIFACT_TYPE_LABELS: Record<ArtifactTypeName, string> = {
  SCRIPT: "Script",
  DRAFT: "Draft",
  FINAL: "Final",
  CAPTION: "Caption",
  THUMBNAIL: "Thumbnail",
};

export type ImageAnchor = { x: number; y: number; w: number; h: number };
export type TimeAnchor = { seconds: number };
export type Anchor = ImageAnchor | TimeAnchor;

export type ArtifactView = {
  id: string;
  artifactType: ArtifactTypeName;
  version: number;
  fileName: string | null;
  mimeType: string | null;
  sizeBytes: number | null;
  text: string | null;
  note: string | null;
  createdAt: string;
  uploadedByName: string | null;
  /** The agency's review of this exact version, if any. */
  review: { outcome: "APPROVED" | "CHANGES_REQUESTED"; note: string | null } | null;
  /** The client's decision on this exact version, if it was sent. */
  clientStatus: string | null;
};

export type ArtifactCommentView = {
  id: string;
  artifactId: string | null;
  body: string;
  anchor: Anchor | null;
  internal: boolean;
  createdAt: string;
  author: { name: string; isClient: boolean };
};

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
  return Boolean(anchor && typeof anchor === "object" && typeof (anchor as ImageAnchor).x === "number" && typeof (anchor as ImageAnchor).y === "number");
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

export const TASK_STATUS_LABELS: Record<string, string> = {
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
