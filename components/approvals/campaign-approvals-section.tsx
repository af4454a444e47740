import type { AuthContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { listCampaignApprovals } from "@/lib/domain/approvals/list-campaign-approvals";
import { APPROVAL_TYPE_LABELS } from "@/lib/domain/approvals/schemas";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ApprovalStatusBadge, formatDate } from "./approval-status-badge";
import { CommentForm } from "./comment-form";
import { CommentThread } from "./comment-thread";
import { RequestApprovalButton } from "./request-approval-button";
import { SubjectView } from "./subject-view";

/** The approvals of a campaign with their status, decision and thread (internal comments marked). */
export async function CampaignApprovalsSection({
  ctx,
  campaignId,
  highlight,
}: {
  ctx: AuthContext;
  campaignId: string;
  highlight?: string;
}) {
  const items = await listCampaignApprovals(ctx, campaignId);
  return (
    <section id="approvals" aria-labelledby="approvals-heading">
      <Card>
        <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-3">
          <div>
            <CardTitle id="approvals-heading">Approvals</CardTitle>
            <CardDescription>
              Each request names the exact version sent; a newer version supersedes the pending one.
            </CardDescription>
          </div>
          {can(ctx, "approval.request") ? (
            <RequestApprovalButton campaignId={campaignId} type="BRIEF" label="Send brief to client" />
          ) : null}
        </CardHeader>
        <CardContent className="grid gap-3">
          {items.length === 0 ? <p className="text-sm text-muted-foreground">Nothing sent for approval yet.</p> : null}
          {items.map((item) => (
            <details
              key={item.id}
              id={`approval-${item.id}`}
              open={item.id === highlight || item.status === "PENDING"}
              className="rounded-md border p-3"
            >
              <summary className="flex cursor-pointer flex-wrap items-center gap-2 text-sm">
                <span className="font-medium">
                  {APPROVAL_TYPE_LABELS[item.type]} v{item.subjectVersion}
                </span>
                <ApprovalStatusBadge status={item.status} />
                <span className="text-muted-foreground">
                  sent {formatDate(item.createdAt)}
                  {item.status === "PENDING"
                    ? ` · due ${formatDate(item.dueAt)} · expires ${formatDate(item.expiresAt)}`
                    : ""}
                </span>
              </summary>
              <div className="mt-3 grid gap-4">
                {item.conditions ? (
                  <p className="text-sm">
                    <span className="font-medium">Conditions:</span> {item.conditions}
                  </p>
                ) : null}
                {item.decisionNote ? (
                  <p className="text-sm">
                    <span className="font-medium">Note:</span> {item.decisionNote}
                  </p>
                ) : null}
                {item.type === "SHORTLIST" ? (
                  <SubjectView type={item.type} snapshot={item.subjectSnapshot} decisions={item.decisions} />
                ) : null}
                <div className="grid gap-2">
                  <h3 className="text-sm font-semibold">Comments</h3>
                  <CommentThread comments={item.comments} showInternal />
                  <CommentForm approvalId={item.id} campaignId={campaignId} staff />
                </div>
              </div>
            </details>
          ))}
        </CardContent>
      </Card>
    </section>
  );
}
