import type { Metadata } from "next";
import Link from "next/link";
import { ApprovalQueueTable, type ApprovalQueueRow } from "@/components/approvals/approval-queue-table";
import { queueCount } from "@/components/finance/queue-count";
import { EmptyState, PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { listApprovalQueue } from "@/lib/domain/approvals/list-approval-queue";
import { AppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Approvals" };

/** Finance objects open on their own page (where the decision is taken); briefs and shortlists on the campaign. */
function hrefOf(row: ApprovalQueueRow): string {
  if (row.subjectType === "FinancialObject") return `/agency/finance/${row.subjectId}`;
  return `/agency/campaigns/${row.campaign.id}?approval=${row.id}#approvals`;
}

// The caller's approval queue across types, 25 at a time by keyset (`after`): finance objects above the threshold
// for directors, and whatever else is addressed to them. The first page also shows the ten decided last.
export default async function AgencyApprovalsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requirePortal("agency");
  await requirePagePermission(ctx, "approval.decide");
  const params = await searchParams;
  const asked = typeof params.after === "string" && params.after ? params.after : undefined;
  // A cursor that is not one of this queue's (edited, or from an old link) starts the queue over.
  const readPending = (after: string | undefined) => listApprovalQueue(ctx, { status: "PENDING", after });
  const [pendingOrBad, decided] = await Promise.all([
    readPending(asked).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "VALIDATION_FAILED") return null;
      throw error;
    }),
    asked ? null : listApprovalQueue(ctx, { status: "DECIDED", take: 10 }),
  ]);
  const pending = pendingOrBad ?? (await readPending(undefined));
  const after = pendingOrBad ? asked : undefined;
  const rows = pending.items;
  return (
    <>
      <PageHeader title="Approvals" description="Everything waiting for your decision, soonest due first." />
      {pendingOrBad ? null : (
        <p role="alert" className="mb-4 text-sm text-destructive">
          That page link is no longer valid: showing the soonest due.
        </p>
      )}
      <section aria-labelledby="pending-heading" className="mb-8 grid gap-3">
        <h2 id="pending-heading" className="text-lg font-semibold">
          Waiting for you ({queueCount(pending)})
        </h2>
        {rows.length ? (
          <>
            <ApprovalQueueTable rows={rows} caption="Approvals waiting for you" href={hrefOf} showClient />
            {after || pending.next ? (
              <nav
                aria-label="Pages"
                className="flex flex-wrap items-center justify-between gap-2 text-sm text-muted-foreground"
              >
                <span>
                  Showing {pending.offset + 1}–{pending.offset + rows.length} of {queueCount(pending)}
                </span>
                <span className="flex items-center gap-2">
                  {after ? (
                    <Button asChild variant="outline" size="sm">
                      <Link href="/agency/approvals" rel="first">
                        Soonest due
                      </Link>
                    </Button>
                  ) : null}
                  {pending.next ? (
                    <Button asChild variant="outline" size="sm">
                      <Link href={`/agency/approvals?after=${pending.next}`} rel="next">
                        Next
                      </Link>
                    </Button>
                  ) : null}
                </span>
              </nav>
            ) : null}
          </>
        ) : (
          <EmptyState title="Nothing waits for your decision">
            Budgets and other items sent to you appear here and in your notifications.
          </EmptyState>
        )}
      </section>
      {decided?.items.length ? (
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
