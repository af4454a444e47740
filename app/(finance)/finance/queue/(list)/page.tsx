import type { Metadata } from "next";
import Link from "next/link";
import { ObjectsTable } from "@/components/finance/objects-table";
import { queueCount } from "@/components/finance/queue-count";
import { QueueFilters, readFilters, toQuery } from "@/components/finance/queue-filters";
import { EmptyState, PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { getFilterChoices } from "@/lib/domain/finance/get-filter-choices";
import { listFinanceQueue } from "@/lib/domain/finance/list-finance-queue";

export const metadata: Metadata = { title: "Finance queue" };

const KEYS = ["type", "campaignId", "clientId", "minAmount", "maxAmount", "minAgeDays"] as const;

export default async function FinanceQueuePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requirePortal("finance");
  await requirePagePermission(ctx, "finance.approve");
  const params = await searchParams;
  const filters = readFilters(params, [...KEYS]);
  const after = typeof params.after === "string" && params.after ? params.after : undefined;
  const [queue, choices] = await Promise.all([
    listFinanceQueue(ctx, { ...filters, after }),
    getFilterChoices(ctx, filters),
  ]);
  const rows = queue.items;
  return (
    <>
      <PageHeader
        title="Finance queue"
        description="Everything waiting for your approval, oldest first."
        actions={
          <Button asChild variant="outline">
            <a href={`/api/finance/objects/export.csv${toQuery({ ...filters, status: "SUBMITTED" })}`} download>
              Export CSV
            </a>
          </Button>
        }
      />
      <QueueFilters action="/finance/queue" values={filters} campaign={choices.campaign} client={choices.client} />
      {rows.length ? (
        <>
          <p className="text-sm text-muted-foreground">
            {after
              ? `${rows.length} more of ${queueCount(queue)} waiting, oldest first.`
              : queue.totalCapped || rows.length < queue.total
                ? `The oldest ${rows.length} of ${queueCount(queue)} waiting.`
                : `${queueCount(queue)} waiting.`}
          </p>
          <ObjectsTable
            rows={rows}
            basePath="/finance/objects"
            caption="Waiting for your approval"
            showStatus={false}
            decide
          />
          {after || queue.nextCursor ? (
            <nav aria-label="Queue pages" className="mt-4 flex flex-wrap justify-between gap-2">
              {after ? (
                <Button asChild variant="outline" size="sm">
                  <Link href={`/finance/queue${toQuery(filters)}`}>Back to the oldest</Link>
                </Button>
              ) : (
                <span />
              )}
              {queue.nextCursor ? (
                <Button asChild variant="outline" size="sm">
                  <Link href={`/finance/queue${toQuery({ ...filters, after: queue.nextCursor })}`}>Next page</Link>
                </Button>
              ) : null}
            </nav>
          ) : null}
        </>
      ) : (
        <EmptyState
          title={Object.keys(filters).length ? "Nothing matches these filters" : "Nothing waits for your approval"}
        >
          Submitted budgets, quotes, orders, expenses and invoices appear here.
        </EmptyState>
      )}
    </>
  );
}
