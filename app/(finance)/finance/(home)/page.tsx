import type { Metadata } from "next";
import Link from "next/link";
import { ObjectsTable } from "@/components/finance/objects-table";
import { queueCount } from "@/components/finance/queue-count";
import { ClientStatCards } from "@/components/clients/client-stat-cards";
import { EmptyState, PageHeader } from "@/components/shell/page-header";
import { StatCard } from "@/components/shell/stat-card";
import { requirePortal } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { getClientStats } from "@/lib/domain/clients/get-client-stats";
import { listFinanceQueue } from "@/lib/domain/finance/list-finance-queue";
import { listFinancialObjects } from "@/lib/domain/finance/list-financial-objects";
import { listPayoutsOwed } from "@/lib/domain/finance/list-payouts-owed";

export const metadata: Metadata = { title: "Finance dashboard" };

export default async function FinanceDashboard() {
  const ctx = await requirePortal("finance");
  const finance = can(ctx, "finance.read");
  const [stats, queue, toIssue, unpaid, payouts] = await Promise.all([
    can(ctx, "client.read") ? getClientStats(ctx) : null,
    can(ctx, "finance.approve") ? listFinanceQueue(ctx, { take: 5 }) : null,
    finance ? listFinancialObjects(ctx, { type: "CLIENT_INVOICE", status: "APPROVED", take: 1 }) : null,
    finance ? listFinancialObjects(ctx, { type: "CLIENT_INVOICE", status: "ISSUED", take: 1 }) : null,
    finance ? listPayoutsOwed(ctx) : null,
  ]);
  return (
    <>
      <PageHeader title="Finance" description="Budgets, invoices and payouts of the agency." />
      <div className="grid gap-6 *:min-w-0">
        {finance ? (
          <section aria-label="Finance at a glance" className="grid grid-cols-2 gap-4 lg:grid-cols-4">
            {queue ? (
              <StatCard label="Waiting for your approval" value={queueCount(queue)} href="/finance/queue" />
            ) : null}
            {toIssue ? (
              <StatCard
                label="Invoices to issue"
                value={toIssue.total}
                href="/finance/objects?type=CLIENT_INVOICE&status=APPROVED"
              />
            ) : null}
            {unpaid ? (
              <StatCard
                label="Invoices awaiting payment"
                value={unpaid.total}
                href="/finance/objects?type=CLIENT_INVOICE&status=ISSUED"
              />
            ) : null}
            {payouts ? (
              <StatCard label="Payouts scheduled" value={payouts.scheduled.length} href="/finance/payouts" />
            ) : null}
          </section>
        ) : null}
        {queue ? (
          <section aria-labelledby="queue-heading" className="grid gap-3 *:min-w-0">
            <div className="flex items-baseline justify-between gap-2">
              <h2 id="queue-heading" className="text-lg font-semibold">
                Waiting for you
              </h2>
              <Link href="/finance/queue" className="text-sm underline-offset-4 hover:underline">
                The whole queue
              </Link>
            </div>
            {queue.items.length ? (
              <ObjectsTable
                rows={queue.items}
                basePath="/finance/objects"
                caption="The oldest items waiting for your approval"
              />
            ) : (
              <EmptyState title="Nothing waiting for your approval">
                Budgets, invoices and payouts submitted for approval will be listed here.
              </EmptyState>
            )}
          </section>
        ) : null}
        {stats ? <ClientStatCards stats={stats} basePath="/finance/clients" /> : null}
      </div>
    </>
  );
}
