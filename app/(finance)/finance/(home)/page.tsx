import type { Metadata } from "next";
import { EmptyState, PageHeader } from "@/components/shell/page-header";
import { ClientStatCards } from "@/components/clients/client-stat-cards";
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
          <ClientStatCards stats={stats} basePath="/finance/clients" />
        ) : null}
        <EmptyState title="Nothing waiting for your approval">Budgets, invoices and payouts submitted for approval will be listed here.</EmptyState>
      </div>
    </>
  );
}
