import type { Metadata } from "next";
import { ApprovalStatusBadge, formatDate } from "@/components/approvals/approval-status-badge";
import { CommentForm } from "@/components/approvals/comment-form";
import { CommentThread } from "@/components/approvals/comment-thread";
import { DecisionForm } from "@/components/approvals/decision-form";
import { SubjectView } from "@/components/approvals/subject-view";
import { formatFee } from "@/lib/domain/format-money";
import { Breadcrumb, PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { orNotFound, requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { getApproval } from "@/lib/domain/approvals/get-approval";
import { loadCompare } from "@/lib/domain/content/load-compare";
import { loadTaskView } from "@/lib/domain/content/load-task-view";
import { ContentApproval } from "@/components/content/content-approval";
import { APPROVAL_STATUS_LABELS, APPROVAL_TYPE_LABELS, type ShortlistSnapshot } from "@/lib/domain/approvals/schemas";

export const metadata: Metadata = { title: "Review" };

// Not under a loading.tsx boundary: an approval not addressed to this user must answer 404, not 200.
export default async function ClientApprovalPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ v?: string; from?: string; to?: string }>;
}) {
  const ctx = await requirePortal("client");
  await requirePagePermission(ctx, "approval.decide");
  const item = await orNotFound(getApproval(ctx, (await params).id));
  if (item.subjectType === "ContentArtifact") {
    const search = await searchParams;
    const task = await loadTaskView(ctx, item.contentTaskId ?? "");
    const compare = await loadCompare(ctx, task, search.from, search.to);
    return <ContentApproval item={item} task={task} compare={compare} search={search} />;
  }
  const title = `${APPROVAL_TYPE_LABELS[item.type] ?? item.type} — ${item.campaign.name}`;
  const lines =
    item.type === "SHORTLIST"
      ? ((item.subjectSnapshot as unknown as ShortlistSnapshot | null)?.lines ?? []).map((l) => ({
          lineId: l.lineId,
          name: l.name,
          handles: l.handles.map((h) => `@${h.handle}`).join(" "),
          fee: formatFee(l.proposedFee, l.currency),
        }))
      : [];
  return (
    <>
      <Breadcrumb parent={{ href: "/client/approvals", label: "Approvals" }} current={title} />
      <PageHeader
        title={title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <ApprovalStatusBadge status={item.status} /> Version {item.subjectVersion} · sent by{" "}
            {item.requestedByName ?? "the agency"} · due {formatDate(item.dueAt)}
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
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <Card>
          <CardHeader>
            <CardTitle>
              {item.type === "BRIEF"
                ? "The brief"
                : item.type === "SHORTLIST"
                  ? "The shortlist"
                  : "What you are asked to approve"}
            </CardTitle>
          </CardHeader>
          <CardContent>
            <SubjectView
              type={item.type}
              subjectType={item.subjectType}
              snapshot={item.subjectSnapshot}
              decisions={item.decisions}
            />
          </CardContent>
        </Card>
        <div className="grid content-start gap-6">
          {item.canDecide ? (
            <Card>
              <CardContent className="pt-6">
                <DecisionForm approvalId={item.id} lines={lines} />
              </CardContent>
            </Card>
          ) : null}
          <Card>
            <CardHeader>
              <CardTitle>Comments</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-4">
              <CommentThread comments={item.comments} showInternal={false} />
              <CommentForm approvalId={item.id} staff={false} />
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
