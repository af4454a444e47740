import type { Metadata } from "next";
import { ApprovalQueueTable, type ApprovalQueueRow } from "@/components/approvals/approval-queue-table";
import { EmptyState, PageHeader } from "@/components/shell/page-header";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { listApprovalQueue } from "@/lib/domain/approvals/list-approval-queue";

export const metadata: Metadata = { title: "Approvals" };

/** Finance objects open on their own page (where the decision is taken); briefs and shortlists on the campaign. */
function hrefOf(row: ApprovalQueueRow): string {
  if (row.subjectType === "FinancialObject") return `/agency/finance/${row.subjectId}`;
  return `/agency/campaigns/${row.campaign.id}?approval=${row.id}#approvals`;
}

// The caller's approval queue across types: finance objects above the threshold for directors, and whatever else is addressed to them.
export default async function AgencyApprovalsPage() {
  const ctx = await requirePortal("agency");
  await requirePagePermission(ctx, "approval.decide");
  const [pending, decided] = await Promise.all([
    listApprovalQueue(ctx, { status: "PENDING", take: 100 }),
    listApprovalQueue(ctx, { status: "DECIDED", take: 10 }),
  ]);
  return (
    <>
      <PageHeader title="Approvals" description="Everything waiting for your decision, soonest due first." />
      <section aria-labelledby="pending-heading" className="mb-8 grid gap-3">
        <h2 id="pending-heading" className="text-lg font-semibold">
          Waiting for you ({pending.total})
        </h2>
        {pending.items.length ? (
          <ApprovalQueueTable rows={pending.items} caption="Approvals waiting for you" href={hrefOf} showClient />
        ) : (
          <EmptyState title="Nothing waits for your decision">
            Budgets and other items sent to you appear here and in your notifications.
          </EmptyState>
        )}
      </section>
      {decided.items.length ? (
        <section aria-labelledby="decided-heading" className="grid gap-3">
          <h2 id="decided-heading" className="text-lg font-semibold">
            Recently decided
          </h2>
          <ApprovalQueueTable rows={decided.items} caption="Approvals you decided recently" href={hrefOf} showClient />
        </section>
      ) : null}
    </>
  );
}
