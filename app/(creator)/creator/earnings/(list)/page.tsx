import type { Metadata } from "next";
import { MonthlyBars } from "@/components/finance/bar-chart";
import { EmptyState, PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { getCreatorRevenueSummary } from "@/lib/domain/finance/get-creator-revenue-summary";

export const metadata: Metadata = { title: "Earnings" };

// Only what the creator response type carries: rounded figures, the monthly trend, and each deal's name, brand, status, rounded value and next action.
export default async function CreatorEarningsPage() {
  const ctx = await requirePortal("creator");
  await requirePagePermission(ctx, "creator.self");
  const summary = await getCreatorRevenueSummary(ctx);
  return (
    <>
      <PageHeader title="Earnings" description="What your collaborations with the agency are worth, rounded." />
      <div className="grid gap-6">
        <div className="grid gap-4 sm:grid-cols-2">
          <Card>
            <CardHeader className="pb-1">
              <CardDescription>Total earned</CardDescription>
            </CardHeader>
            <CardContent>
              <p className="text-3xl font-semibold tabular-nums" data-testid="earnings-total">
                {summary.total}
              </p>
            </CardContent>
          </Card>
        </div>
        <Card>
          <CardHeader>
            <CardTitle>By month</CardTitle>
          </CardHeader>
          <CardContent>
            {summary.months.length ? <MonthlyBars points={summary.months.map((m) => ({ month: m.label, value: m.value, display: m.display }))} label="Earnings per month" /> : <p className="text-sm text-muted-foreground">No earnings yet.</p>}
          </CardContent>
        </Card>
        <section aria-labelledby="deals-heading" className="grid gap-3">
          <h2 id="deals-heading" className="text-lg font-semibold">Deals</h2>
          {summary.deals.length ? (
            <ul className="grid gap-3 sm:grid-cols-2" aria-label="Deals">
              {summary.deals.map((deal, i) => (
                <li key={`${deal.name}-${i}`} className="rounded-lg border p-4">
                  <div className="flex items-start justify-between gap-2">
                    <div className="min-w-0">
                      <p className="font-medium">{deal.name}</p>
                      <p className="text-sm text-muted-foreground">{deal.brand}</p>
                    </div>
                    <p className="text-lg font-semibold tabular-nums">{deal.value}</p>
                  </div>
                  <p className="mt-2 text-sm">
                    <span className="rounded bg-muted px-1.5 py-0.5 text-xs">{deal.status}</span>
                    {deal.nextAction ? <span className="ml-2 text-muted-foreground">Next: {deal.nextAction}</span> : null}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title="No deals yet">Campaigns the agency books you for appear here.</EmptyState>
          )}
        </section>
      </div>
    </>
  );
}
