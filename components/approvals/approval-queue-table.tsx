import Link from "next/link";
import { ApprovalStatusBadge, formatDate } from "@/components/approvals/approval-status-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { listApprovalQueue } from "@/lib/domain/approvals/list-approval-queue";
import { APPROVAL_TYPE_LABELS } from "@/lib/domain/approvals/schemas";

export type ApprovalQueueRow = Awaited<ReturnType<typeof listApprovalQueue>>["items"][number];

/**
 * The caller's approvals as a table (the agency's and the client's queue pages). `href` says where each item
 * opens in the portal; `showClient` adds the client under the campaign (agency users see several clients).
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
    <div className="relative overflow-x-auto rounded-lg border">
      <Table>
        <caption className="sr-only">{caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHead>What</TableHead>
            <TableHead className={showClient ? "hidden sm:table-cell" : undefined}>Campaign</TableHead>
            <TableHead>Status</TableHead>
            <TableHead className={showClient ? "hidden md:table-cell" : "hidden sm:table-cell"}>Due</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id}>
              <TableCell>
                <Link href={href(row)} className="font-medium underline-offset-4 hover:underline">
                  {APPROVAL_TYPE_LABELS[row.type] ?? row.type} v{row.subjectVersion}
                </Link>
                {showClient ? (
                  <span className="block text-xs text-muted-foreground sm:hidden">{row.campaign.name}</span>
                ) : null}
              </TableCell>
              <TableCell className={showClient ? "hidden sm:table-cell" : undefined}>
                {row.campaign.name}
                {showClient ? (
                  <span className="block text-xs text-muted-foreground">{row.campaign.client.name}</span>
                ) : null}
              </TableCell>
              <TableCell>
                <ApprovalStatusBadge status={row.status} />
              </TableCell>
              <TableCell className={showClient ? "hidden md:table-cell" : "hidden sm:table-cell"}>
                {formatDate(row.dueAt)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
