import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/shell/page-header";
import { StatCard } from "@/components/shell/stat-card";
import { requirePortal } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { getClientStats } from "@/lib/domain/clients/get-client-stats";

export const metadata: Metadata = { title: "Finance dashboard" };

export default async function FinanceDashboard() {
  const ctx = await requirePortal("finance");
  const stats = can(ctx, "client.read") ? await getClientStats(ctx) : null;
  return (
    <>
      <PageHeader title="Finance" description="Budgets, invoices and payouts of the agency." />
      <div className="grid gap-6">
        {stats ? (
          <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
            <StatCard label="Active clients" value={stats.active} href="/finance/clients?status=ACTIVE" />
            <StatCard label="Prospects" value={stats.prospect} href="/finance/clients?status=PROSPECT" />
            <StatCard label="Inactive" value={stats.inactive} href="/finance/clients?status=INACTIVE" />
            <StatCard label="Archived" value={stats.archived} href="/finance/clients?archived=archived" />
          </div>
        ) : null}
        <EmptyState title="Nothing waiting for your approval">Budgets, invoices and payouts submitted for approval will be listed here.</EmptyState>
      </div>
    </>
  );
}
