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

function ApprovalTable({ rows, caption }: { rows: Row[]; caption: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border">
      <Table>
        <caption className="sr-only">{caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHead>What</TableHead>
            <TableHead>Campaign</TableHead>
            <TableHead>Status</TableHead>
            <TableHead className="hidden sm:table-cell">Due</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id}>
              <TableCell>
                <Link href={`/client/approvals/${row.id}`} className="font-medium underline-offset-4 hover:underline">
                  {APPROVAL_TYPE_LABELS[row.type]} v{row.subjectVersion}
                </Link>
              </TableCell>
              <TableCell>{row.campaign.name}</TableCell>
              <TableCell>
                <ApprovalStatusBadge status={row.status} />
              </TableCell>
              <TableCell className="hidden sm:table-cell">{formatDate(row.dueAt)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

export default async function ClientApprovalsPage() {
  const ctx = await requirePortal("client");
  await requirePagePermission(ctx, "approval.decide");
  const [pending, decided] = await Promise.all([listApprovalQueue(ctx, { status: "PENDING", take: 50 }), listApprovalQueue(ctx, { status: "DECIDED", take: 10 })]);
  return (
    <>
      <PageHeader title="Approvals" description="Briefs and shortlists the agency sent you to decide." />
      <section aria-labelledby="pending-heading" className="mb-8 grid gap-3">
        <h2 id="pending-heading" className="text-lg font-semibold">
          Waiting for you ({pending.total})
        </h2>
        {pending.items.length ? <ApprovalTable rows={pending.items} caption="Approvals waiting for you" /> : <EmptyState title="Nothing waits for your decision">New requests appear here and in your notifications.</EmptyState>}
      </section>
      {decided.items.length ? (
        <section aria-labelledby="decided-heading" className="grid gap-3">
          <h2 id="decided-heading" className="text-lg font-semibold">
            Recently decided
          </h2>
          <ApprovalTable rows={decided.items} caption="Approvals you decided recently" />
        </section>
      ) : null}
    </>
  );
}
