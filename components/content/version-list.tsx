import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/utils";
import { ARTIFACT_TYPE_LABELS, type ArtifactTypeName, type ArtifactView } from "./types";

export function ReviewBadge({ artifact }: { artifact: ArtifactView }) {
  if (artifact.clientStatus) {
    const label = CLIENT_STATUS[artifact.clientStatus] ?? artifact.clientStatus;
    const variant =
      artifact.clientStatus === "PENDING"
        ? "secondary"
        : artifact.clientStatus.startsWith("APPROVED")
          ? "success"
          : artifact.clientStatus === "SUPERSEDED"
            ? "outline"
            : "destructive";
    return <Badge variant={variant}>{label}</Badge>;
  }
  if (artifact.review && !artifact.internalPending) {
    return artifact.review.outcome === "APPROVED" ? (
      <Badge variant="success">Approved by the agency</Badge>
    ) : (
      <Badge variant="destructive">Changes requested</Badge>
    );
  }
  return <Badge variant="outline">Awaiting review</Badge>;
}

const CLIENT_STATUS: Record<string, string> = {
  PENDING: "With the client",
  APPROVED: "Client approved",
  APPROVED_WITH_CONDITIONS: "Client approved with conditions",
  CHANGES_REQUESTED: "Client requested changes",
  REJECTED: "Client rejected",
  SUPERSEDED: "Superseded",
  EXPIRED: "Expired",
  CANCELLED: "Withdrawn",
};

/** Every version of every artifact type, newest first; the shown one is marked, each links to itself. */
export function VersionList({
  groups,
  currentId,
  href,
}: {
  groups: { type: ArtifactTypeName; versions: ArtifactView[] }[];
  currentId: string | null;
  href: (artifactId: string) => string;
}) {
  if (groups.every((g) => g.versions.length === 0))
    return <p className="text-sm text-muted-foreground">Nothing uploaded yet.</p>;
  return (
    <div className="grid gap-4">
      {groups
        .filter((g) => g.versions.length > 0)
        .map((group) => (
          <section key={group.type} aria-label={`${ARTIFACT_TYPE_LABELS[group.type]} versions`}>
            <h3 className="mb-2 text-sm font-semibold">{ARTIFACT_TYPE_LABELS[group.type]}</h3>
            <ol className="grid gap-1.5">
              {[...group.versions]
                .sort((a, b) => b.version - a.version)
                .map((a) => (
                  <li key={a.id}>
                    <Link
                      href={href(a.id)}
                      aria-current={a.id === currentId ? "true" : undefined}
                      className="flex flex-wrap items-center justify-between gap-2 rounded-md border p-2 text-sm hover:bg-accent aria-[current=true]:border-primary aria-[current=true]:bg-accent"
                    >
                      <span>
                        <span className="font-medium">
                          {ARTIFACT_TYPE_LABELS[a.artifactType]} v{a.version}
                        </span>
                        <span className="block text-xs text-muted-foreground">
                          {formatDateTime(a.createdAt)}
                          {a.uploadedByName ? ` · ${a.uploadedByName}` : ""}
                        </span>
                      </span>
                      <ReviewBadge artifact={a} />
                    </Link>
                  </li>
                ))}
            </ol>
          </section>
        ))}
    </div>
  );
}
