import type { ReactNode } from "react";
import { EmptyState } from "@/components/shell/page-header";
import type { CurrencySummary, FinancialObjectListItem } from "@/lib/domain/finance/view-types";
import { FinanceSummary } from "./finance-summary";
import { ObjectsTable } from "./objects-table";

/** A campaign's finance: budget vs committed, invoiced and paid per currency, then its financial objects. */
export function CampaignFinanceSections({
  campaignName,
  summary,
  rows,
  basePath,
  empty,
}: {
  campaignName: string;
  summary: CurrencySummary[];
  rows: FinancialObjectListItem[];
  basePath: string;
  empty: ReactNode;
}) {
  return (
    <>
      <section aria-labelledby="summary-heading" className="grid gap-3 *:min-w-0">
        <h2 id="summary-heading" className="text-lg font-semibold">
          Budget vs committed, invoiced and paid
        </h2>
        <FinanceSummary summary={summary} />
      </section>
      <section aria-labelledby="objects-heading" className="grid gap-3 *:min-w-0">
        <h2 id="objects-heading" className="text-lg font-semibold">
          Budgets, quotes, orders, expenses and invoices
        </h2>
        {rows.length ? (
          <ObjectsTable
            rows={rows}
            basePath={basePath}
            caption={`Financial objects of ${campaignName}`}
            showCampaign={false}
          />
        ) : (
          <EmptyState title="Nothing yet">{empty}</EmptyState>
        )}
      </section>
    </>
  );
}
