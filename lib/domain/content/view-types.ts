// The view shapes of content: what the content domain's page loaders (load-*.ts) answer and the pages hand to
// components/content as they are: plain data, dates as ISO strings, sizes as numbers. Types and pure helpers
// only, importing nothing server-side, so client components may import them too.

export type ArtifactTypeName = "SCRIPT" | "DRAFT" | "FINAL" | "CAPTION" | "THUMBNAIL";

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

/** A card of the campaign's content board. */
export type TaskRowView = {
  id: string;
  title: string;
  status: string;
  influencerName: string;
  deliverableType: string;
  dueAt: string | null;
  overdue: boolean;
  latest: { type: ArtifactTypeName; version: number }[];
  /** "Agency review" or "Client" when a decision is awaited. */
  pendingStage: string | null;
};

/** An influencer contracted on the campaign, to offer a task to. */
export type ContractedInfluencer = { assignmentId: string; name: string; fee: string | null };

/** One of the creator's tasks as a card. */
export type CreatorTaskCard = {
  id: string;
  title: string;
  status: string;
  campaignName: string;
  deliverableType: string;
  fee: string | null;
  currency: string;
  dueAt: string | null;
  overdue: boolean;
  nextDue: ArtifactTypeName | null;
  /** The newest version and its review state, e.g. "Draft v2 — changes requested". */
  latest: string | null;
};

export type DiffPart = { op: "equal" | "insert" | "delete"; text: string };

/** Two versions of a task compared (`diff`: the word diff of two texts, else null). */
export type CompareResult = { from: ArtifactView; to: ArtifactView; diff: DiffPart[] | null } | null;
