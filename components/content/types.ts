// View shapes of the content pages: plain data that server pages map the domain results into and hand to
// the client components below (dates as ISO strings, sizes as numbers).
import { TASK_STATUS_LABELS as DOMAIN_TASK_STATUS_LABELS } from "@/lib/domain/content/values";

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
  /** Whether the agency's review of it is still awaited. */
  internalPending: boolean;
  /** Whether the viewer may decide its internal review now / send it to the client now. */
  canReview: boolean;
  canSend: boolean;
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

export type ReviewView = {
  id: string;
  artifactId: string;
  artifactType: ArtifactTypeName;
  version: number;
  stage: "INTERNAL" | "CLIENT";
  outcome: string;
  note: string | null;
  conditions: string | null;
  reviewerName: string | null;
  createdAt: string;
};

export type PublicationView = {
  publishedUrl: string | null;
  publishedAt: string | null;
  views: number | null;
  reach: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  saves: number | null;
  clicks: number | null;
};

/** One task as a page shows it, with what the viewer may do. */
export type ContentTaskView = {
  id: string;
  title: string;
  status: string;
  instructions: string | null;
  dueAt: string | null;
  overdue: boolean;
  fee: string | null;
  currency: string;
  deliverableType: string;
  requiredArtifacts: ArtifactTypeName[];
  declineReason: string | null;
  campaign: { id: string; name: string };
  influencerName: string;
  groups: { type: ArtifactTypeName; versions: ArtifactView[] }[];
  comments: ArtifactCommentView[];
  reviews: ReviewView[];
  publication: PublicationView;
  /** The first required artifact type without an approved version. */
  nextDue: ArtifactTypeName | null;
  can: {
    review: boolean;
    send: boolean;
    sendHint: string | null;
    upload: boolean;
    comment: boolean;
    manage: boolean;
    cancel: boolean;
    recordPublication: boolean;
    edit: boolean;
  };
  /** The task's row version, for optimistic locking of an edit. */
  version: number;
};

export function allVersions(task: Pick<ContentTaskView, "groups">): ArtifactView[] {
  return task.groups.flatMap((g) => g.versions);
}

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
