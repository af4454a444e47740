import { formatDate } from "@/components/approvals/approval-status-badge";
import type { listApprovalQueue } from "@/lib/domain/approvals/list-approval-queue";
import { APPROVAL_STATUS_LABELS, APPROVAL_TYPE_LABELS } from "@/lib/domain/approvals/schemas";
import { ApprovalQueueView } from "./approval-queue-view";

export type ApprovalQueueRow = Awaited<ReturnType<typeof listApprovalQueue>>["items"][number];

const VARIANT: Record<string, string> = {
  PENDING: "warning",
  APPROVED: "success",
  APPROVED_WITH_CONDITIONS: "success",
  CHANGES_REQUESTED: "warning",
  REJECTED: "destructive",
  EXPIRED: "outline",
  SUPERSEDED: "outline",
  CANCELLED: "outline",
};

/**
 * The caller's approvals as a table (the agency's and the client's queue pages). `href` says where each item
 * opens in the portal; `showClient` adds the client under the campaign (agency users see several clients). The
 * rows go to the browser as a few strings each (ApprovalQueueView).
 */
export function ApprovalQueueTable({
  rows,
  caption,
  href,
  showClient = false,
}: {
  rows: ApprovalQueueRow[];
  caption: string;
  href: (row: ApprovalQueueRow) => string;
  showClient?: boolean;
}) {
  return (
    <ApprovalQueueView
      caption={caption}
      showClient={showClient}
      rows={rows.map((row) => ({
        id: row.id,
        href: href(row),
        what: `${APPROVAL_TYPE_LABELS[row.type] ?? row.type} v${row.subjectVersion}`,
        campaign: row.campaign.name,
        client: showClient ? row.campaign.client.name : null,
        status: APPROVAL_STATUS_LABELS[row.status] ?? row.status,
        variant: VARIANT[row.status] ?? "secondary",
        due: formatDate(row.dueAt),
      }))}
    />
  );
}
