import { formatFee } from "@/lib/domain/format-money";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Markdown } from "@/components/campaigns/markdown";
import { formatDate, formatDateTime } from "@/lib/utils";
import { ARTIFACT_TYPE_LABELS, deliverableLabel, type ContentTaskView, type ReviewView } from "./types";

const OUTCOME: Record<string, string> = {
  APPROVED: "Approved",
  APPROVED_WITH_CONDITIONS: "Approved with conditions",
  CHANGES_REQUESTED: "Changes requested",
  REJECTED: "Rejected",
};

/** The task's terms: deliverable, fee, due date, what is required in which order, the instructions. */
export function TaskFacts({
  task,
  showInstructions = true,
  showFee = true,
}: {
  task: ContentTaskView;
  showInstructions?: boolean;
  showFee?: boolean;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>The task</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="text-muted-foreground">Campaign</dt>
          <dd>{task.campaign.name}</dd>
          <dt className="text-muted-foreground">Deliverable</dt>
          <dd>{deliverableLabel(task.deliverableType)}</dd>
          {showFee ? (
            <>
              <dt className="text-muted-foreground">Fee</dt>
              <dd className="tabular-nums">{formatFee(task.fee, task.currency)}</dd>
            </>
          ) : null}
          <dt className="text-muted-foreground">Due</dt>
          <dd>
            {formatDate(task.dueAt)} {task.overdue ? <Badge variant="destructive">Overdue</Badge> : null}
          </dd>
          <dt className="text-muted-foreground">Required</dt>
          <dd>
            <ol className="flex flex-wrap gap-1" aria-label="Required, in order">
              {task.requiredArtifacts.map((a, i) => (
                <li key={a}>
                  <Badge variant={task.nextDue === a ? "warning" : "outline"}>
                    {i + 1}. {ARTIFACT_TYPE_LABELS[a]}
                    {task.nextDue === a ? " — due next" : ""}
                  </Badge>
                </li>
              ))}
            </ol>
          </dd>
          {task.declineReason ? (
            <>
              <dt className="text-muted-foreground">Declined</dt>
              <dd>{task.declineReason}</dd>
            </>
          ) : null}
          {task.publication.publishedUrl ? (
            <>
              <dt className="text-muted-foreground">Published</dt>
              <dd className="min-w-0 break-all">
                <a
                  href={task.publication.publishedUrl}
                  className="text-primary underline"
                  rel="noreferrer noopener"
                  target="_blank"
                >
                  {task.publication.publishedUrl}
                </a>{" "}
                {formatDate(task.publication.publishedAt)}
              </dd>
            </>
          ) : null}
        </dl>
        {showInstructions ? (
          <div>
            <p className="mb-1 font-medium">Instructions</p>
            {task.instructions ? (
              <Markdown source={task.instructions} />
            ) : (
              <p className="text-muted-foreground">No instructions.</p>
            )}
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}

/** Every decision on every version, newest first: the agency's reviews and the client's decisions. */
export function ReviewHistory({
  reviews,
  staff,
  title = "Review history",
}: {
  reviews: ReviewView[];
  staff: boolean;
  title?: string;
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent>
        {reviews.length === 0 ? (
          <p className="text-sm text-muted-foreground">No decisions yet.</p>
        ) : (
          <ol className="grid gap-2" aria-label={title}>
            {[...reviews]
              .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
              .map((r) => (
                <li key={r.id} className="rounded-md border p-2 text-sm">
                  <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                    <span className="font-medium text-foreground">
                      {ARTIFACT_TYPE_LABELS[r.artifactType]} v{r.version}
                    </span>
                    <Badge variant={r.outcome.startsWith("APPROVED") ? "success" : "destructive"}>
                      {OUTCOME[r.outcome] ?? r.outcome}
                    </Badge>
                    <Badge variant={r.stage === "CLIENT" ? "secondary" : "outline"}>
                      {r.stage === "CLIENT" ? "Client" : staff ? "Agency" : "Agency review"}
                    </Badge>
                    <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>
                  </div>
                  {r.conditions ? (
                    <p className="mt-1">
                      <span className="font-medium">Conditions:</span> {r.conditions}
                    </p>
                  ) : null}
                  {r.note ? <p className="mt-1 whitespace-pre-wrap">{r.note}</p> : null}
                  {r.reviewerName ? <p className="mt-1 text-xs text-muted-foreground">by {r.reviewerName}</p> : null}
                </li>
              ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
