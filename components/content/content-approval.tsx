import { ApprovalStatusBadge, formatDate } from "@/components/approvals/approval-status-badge";
import { DecisionForm } from "@/components/approvals/decision-form";
import { Breadcrumb, PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent } from "@/components/ui/card";
import type { ApprovalDetail } from "@/lib/domain/approvals/get-approval";
import { APPROVAL_STATUS_LABELS } from "@/lib/domain/approvals/schemas";
import { commentOnArtifactClientAction } from "@/lib/actions/content";
import { ContentWorkspace } from "./content-workspace";
import { ReviewHistory, TaskFacts } from "./task-facts";
import { ARTIFACT_TYPE_LABELS, allVersions, pickArtifact, type CompareResult, type ContentTaskView } from "./types";

/**
 * The client's review of a content version sent to them: the exact version first, the earlier versions
 * they were sent, comparison, anchored comments (never the agency's internal ones) and the four decisions.
 */
export function ContentApproval({
  item,
  task,
  compare,
  search,
}: {
  item: ApprovalDetail;
  /** loadTaskView of the approval's task; compare: loadCompare of ?from= and ?to= (lib/domain/content). */
  task: ContentTaskView;
  compare: CompareResult;
  search: { v?: string; from?: string; to?: string };
}) {
  const sent = allVersions(task).find((a) => a.id === item.subjectId) ?? null;
  const current = search.v ? pickArtifact(task, search.v) : sent;
  const title = `${sent ? `${ARTIFACT_TYPE_LABELS[sent.artifactType]} v${sent.version}` : "Content"} — ${item.campaign.name}`;
  return (
    <>
      <Breadcrumb parent={{ href: "/client/approvals", label: "Approvals" }} current={task.title} />
      <PageHeader
        title={title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <ApprovalStatusBadge status={item.status} /> {task.title} by {task.influencerName} · version{" "}
            {item.subjectVersion} · sent by {item.requestedByName ?? "the agency"} · due {formatDate(item.dueAt)}
          </span>
        }
      />
      {item.closedReason &&
      item.status !== "PENDING" &&
      !["SUPERSEDED", "EXPIRED", "CANCELLED"].includes(item.status) ? (
        <Alert className="mb-4">
          {APPROVAL_STATUS_LABELS[item.status]} by {item.decidedByName ?? "—"} on {formatDate(item.decidedAt)}.
          {item.conditions ? ` Conditions: ${item.conditions}` : ""}
          {item.decisionNote ? ` Note: ${item.decisionNote}` : ""}
        </Alert>
      ) : item.closedReason ? (
        <Alert variant="destructive" className="mb-4">
          {item.closedReason}
        </Alert>
      ) : null}
      {current && sent && current.id !== sent.id ? (
        <Alert className="mb-4">
          You are looking at {ARTIFACT_TYPE_LABELS[current.artifactType]} v{current.version}; your decision is on v
          {sent.version}.
        </Alert>
      ) : null}
      <ContentWorkspace
        task={task}
        current={current}
        compare={compare}
        basePath={`/client/approvals/${item.id}`}
        comment={commentOnArtifactClientAction}
        commentContext={{ approvalId: item.id }}
        staff={false}
        side={
          <>
            {item.canDecide ? (
              <Card>
                <CardContent className="pt-6">
                  <DecisionForm approvalId={item.id} lines={[]} />
                </CardContent>
              </Card>
            ) : null}
            <TaskFacts task={task} showFee={false} />
            <ReviewHistory
              reviews={task.reviews.filter((r) => r.stage === "CLIENT")}
              staff={false}
              title="Your decisions"
            />
          </>
        }
      />
    </>
  );
}
