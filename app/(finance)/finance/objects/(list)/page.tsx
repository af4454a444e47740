import type { Metadata } from "next";
import Link from "next/link";
import { ObjectsTable } from "@/components/finance/objects-table";
import { QueueFilters, readFilters, toQuery } from "@/components/finance/queue-filters";
import { FINANCE_STATUS_LABELS } from "@/components/finance/status";
import { EmptyState, PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { getFilterChoices } from "@/lib/domain/finance/get-filter-choices";
import { listFinancialObjects } from "@/lib/domain/finance/list-financial-objects";

export const metadata: Metadata = { title: "Financial objects" };

const KEYS = ["type", "status", "campaignId", "clientId", "minAmount", "maxAmount", "influencerId"] as const;

export default async function FinanceObjectsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requirePortal("finance");
  await requirePagePermission(ctx, "finance.read");
  const sp = await searchParams;
  const filters = readFilters(sp, [...KEYS]);
  const cursor = typeof sp.cursor === "string" ? sp.cursor : undefined;
  const [list, choices] = await Promise.all([
    listFinancialObjects(ctx, { ...filters, ...(cursor ? { cursor } : {}), take: 50 }),
    getFilterChoices(ctx, filters),
  ]);
  const rows = list.items;
  return (
    <>
      <PageHeader
        title="Invoices and objects"
        description="Budgets, quotes, orders, expenses, invoices, payments and payouts of every campaign."
        actions={
          <Button asChild variant="outline">
            <a href={`/api/finance/objects/export.csv${toQuery(filters)}`} download>
              Export CSV
            </a>
          </Button>
        }
      />
      <QueueFilters
        action="/finance/objects"
        values={filters}
        campaign={choices.campaign}
        client={choices.client}
        statuses={FINANCE_STATUS_LABELS}
      />
      {rows.length ? (
        <div className="grid gap-3">
          <ObjectsTable rows={rows} basePath="/finance/objects" caption="Financial objects" />
          {list.nextCursor ? (
            <p>
              <Link
                href={`/finance/objects${toQuery({ ...filters, cursor: list.nextCursor })}`}
                className="text-sm underline-offset-4 hover:underline"
              >
                Next page
              </Link>
            </p>
          ) : null}
        </div>
      ) : (
        <EmptyState title="Nothing matches these filters">Clear the filters to see everything.</EmptyState>
      )}
    </>
  );
}
