import type { ThreadComment } from "@/lib/domain/approvals/get-approval";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "./approval-status-badge";

function anchorLabel(anchor: unknown): string | null {
  if (!anchor || typeof anchor !== "object") return null;
  const a = anchor as Record<string, number>;
  if (typeof a.seconds === "number")
    return `at ${Math.floor(a.seconds / 60)}:${String(Math.floor(a.seconds % 60)).padStart(2, "0")}`;
  if (typeof a.x === "number") return `region ${Math.round(a.x * 100)}%, ${Math.round(a.y * 100)}%`;
  return null;
}

/** A thread as the caller may see it (internal comments are already filtered out for client users). */
export function CommentThread({ comments, showInternal }: { comments: ThreadComment[]; showInternal: boolean }) {
  if (comments.length === 0) return <p className="text-sm text-muted-foreground">No comments yet.</p>;
  return (
    <ol className="space-y-3" aria-label="Comments">
      {comments.map((c) => (
        <li key={c.id} className={`rounded-md border p-3 text-sm ${c.internal ? "border-dashed bg-muted/40" : ""}`}>
          <div className="mb-1 flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
            <span className="font-medium text-foreground">{c.author.name}</span>
            {c.author.isClient ? (
              <Badge variant="secondary">Client</Badge>
            ) : showInternal ? (
              <Badge variant="outline">Agency</Badge>
            ) : null}
            {c.internal ? <Badge variant="warning">Internal — not shown to the client</Badge> : null}
            {anchorLabel(c.anchor) ? <span>{anchorLabel(c.anchor)}</span> : null}
            <time dateTime={new Date(c.createdAt).toISOString()}>{formatDate(c.createdAt)}</time>
          </div>
          <p className="whitespace-pre-wrap">{c.body}</p>
        </li>
      ))}
    </ol>
  );
}
