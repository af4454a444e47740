"use client";

import Link from "next/link";
import { TableHead } from "@/components/ui/table";

// The table of components/approvals/approval-queue-table.tsx (which prepares its rows), a client component: the
// page's React payload carries each row as a few strings, not its markup, and the cells' look is set once on the
// table (`list-table` in app/globals.css).

export type ApprovalQueueViewRow = {
  id: string;
  href: string;
  /** "Brief v2". */
  what: string;
  campaign: string;
  /** Agency users see several clients: the campaign's client, else null. */
  client: string | null;
  status: string;
  variant: string;
  due: string;
};

export function ApprovalQueueView({
  rows,
  caption,
  showClient,
}: {
  rows: ApprovalQueueViewRow[];
  caption: string;
  showClient: boolean;
}) {
  return (
    <div className="relative overflow-x-auto rounded-lg border">
      <table className="list-table w-full caption-bottom text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="[&_tr]:border-b">
          <tr>
            <TableHead>What</TableHead>
            <TableHead data-from={showClient ? "sm" : undefined}>Campaign</TableHead>
            <TableHead>Status</TableHead>
            <TableHead data-from={showClient ? "md" : "sm"}>Due</TableHead>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link href={row.href}>{row.what}</Link>
                {showClient ? <small data-until="sm">{row.campaign}</small> : null}
              </td>
              <td data-from={showClient ? "sm" : undefined}>
                {row.campaign}
                {row.client !== null ? <small>{row.client}</small> : null}
              </td>
              <td>
                <span data-badge={row.variant}>{row.status}</span>
              </td>
              <td data-from={showClient ? "md" : "sm"}>{row.due}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
