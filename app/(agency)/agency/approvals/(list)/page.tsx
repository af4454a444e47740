import type { Metadata } from "next";
import Link from "next/link";
import { ApprovalStatusBadge, formatDate } from "@/components/approvals/approval-status-badge";
import { EmptyState, PageHeader } from "@/components/shell/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { listApprovalQueue } from "@/lib/domain/approvals/list-approval-queue";
import { APPROVAL_TYPE_LABELS } from "@/lib/domain/approvals/schemas";

export const metadata: Metadata = { title: "Approvals" };

type Row = Awaited<ReturnType<typeof listApprovalQueue>>["items"][number];

/** Finance objects open on their own page (where the decision is taken); briefs and shortlists on the campaign. */
function hrefOf(row: Row): string {
  if (row.subjectType === "FinancialObject") return `/agency/finance/${row.subjectId}`;
  return `/agency/campaigns/${row.campaign.id}?approval=${row.id}#approvals`;
}

function QueueTable({ rows, caption }: { rows: Row[]; caption: string }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border">
      <Table>
        <caption className="sr-only">{caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHead>What</TableHead>
            <TableHead className="hidden sm:table-cell">Campaign</TableHead>
            <TableHead>Status</TableHead>
            <TableHead className="hidden md:table-cell">Due</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id}>
              <TableCell>
                <Link href={hrefOf(row)} className="font-medium underline-offset-4 hover:underline">
                  {APPROVAL_TYPE_LABELS[row.type] ?? row.type} v{row.subjectVersion}
                </Link>
                <span className="block text-xs text-muted-foreground sm:hidden">{row.campaign.name}</span>
              </TableCell>
              <TableCell className="hidden sm:table-cell">
                {row.campaign.name}
                <span className="block text-xs text-muted-foreground">{row.campaign.client.name}</span>
              </TableCell>
              <TableCell>
                <ApprovalStatusBadge status={row.status} />
              </TableCell>
              <TableCell className="hidden md:table-cell">{formatDate(row.dueAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

// The caller's approval queue across types: finance objects above the threshold for directors, and whatever else is addressed to them.
export default async function AgencyApprovalsPage() {
  const ctx = await requirePortal("agency");
  await requirePagePermission(ctx, "approval.decide");
  const [pending, decided] = await Promise.all([listApprovalQueue(ctx, { status: "PENDING", take: 100 }), listApprovalQueue(ctx, { status: "DECIDED", take: 10 })]);
  return (
    <>
      <PageHeader title="Approvals" description="Everything waiting for your decision, soonest due first." />
      <section aria-labelledby="pending-heading" className="mb-8 grid gap-3">
        <h2 id="pending-heading" className="text-lg font-semibold">
          Waiting for you ({pending.total})
        </h2>
        {pending.items.length ? <QueueTable rows={pending.items} caption="Approvals waiting for you" /> : <EmptyState title="Nothing waits for your decision">Budgets and other items sent to you appear here and in your notifications.</EmptyState>}
      </section>
      {decided.items.length ? (
        <section aria-labelledby="decided-heading" className="grid gap-3">
          <h2 id="decided-heading" className="text-lg font-semibold">
            Recently decided
          </h2>
          <QueueTable rows={decided.items} caption="Approvals you decided recently" />
        </section>
      ) : null}
    </>
  );
}
