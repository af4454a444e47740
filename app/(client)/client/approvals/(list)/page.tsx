import type { Metadata } from "next";
import { ApprovalQueueTable } from "@/components/approvals/approval-queue-table";
import { queueCount } from "@/components/finance/queue-count";
import { EmptyState, PageHeader } from "@/components/shell/page-header";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { listApprovalQueue } from "@/lib/domain/approvals/list-approval-queue";

export const metadata: Metadata = { title: "Approvals" };

export default async function ClientApprovalsPage() {
  const ctx = await requirePortal("client");
  await requirePagePermission(ctx, "approval.decide");
  const [pending, decided] = await Promise.all([
    listApprovalQueue(ctx, { status: "PENDING", take: 50 }),
    listApprovalQueue(ctx, { status: "DECIDED", take: 10 }),
  ]);
  return (
    <>
      <PageHeader title="Approvals" description="Briefs and shortlists the agency sent you to decide." />
      <section aria-labelledby="pending-heading" className="mb-8 grid gap-3">
        <h2 id="pending-heading" className="text-lg font-semibold">
          Waiting for you ({queueCount(pending)})
        </h2>
        {pending.items.length ? (
          <ApprovalQueueTable
            rows={pending.items}
            caption="Approvals waiting for you"
            href={(row) => `/client/approvals/${row.id}`}
          />
        ) : (
          <EmptyState title="Nothing waits for your decision">
            New requests appear here and in your notifications.
          </EmptyState>
        )}
      </section>
      {decided.items.length ? (
        <section aria-labelledby="decided-heading" className="grid gap-3">
          <h2 id="decided-heading" className="text-lg font-semibold">
            Recently decided
          </h2>
          <ApprovalQueueTable
            rows={decided.items}
            caption="Approvals you decided recently"
            href={(row) => `/client/approvals/${row.id}`}
          />
        </section>
      ) : null}
    </>
  );
}
