import type { Metadata } from "next";
import { MonthlyBars } from "@/components/finance/bar-chart";
import { EmptyState, PageHeader } from "@/components/shell/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { getCreatorRevenueSummary, type RoundedAmount } from "@/lib/domain/creator/get-revenue-summary";

export const metadata: Metadata = { title: "Earnings" };

/** Bar height from a rounded figure ("£4.8K" → 4800): the chart only ever sees what the creator is shown. */
function magnitude(value: string): number {
  const m = /([\d.]+)\s*([KM]?)/.exec(value);
  if (!m) return 0;
  return Number(m[1]) * (m[2] === "M" ? 1_000_000 : m[2] === "K" ? 1_000 : 1);
}

const MONTH = new Intl.DateTimeFormat("en-GB", { month: "short", timeZone: "UTC" });
const monthLabel = (month: string) => MONTH.format(new Date(`${month}-01T00:00:00Z`));

function Amounts({ amounts, testId }: { amounts: RoundedAmount[]; testId?: string }) {
  if (!amounts.length) return <p className="text-3xl font-semibold text-muted-foreground">—</p>;
  return (
    <p className="flex flex-wrap gap-x-4 text-3xl font-semibold tabular-nums" data-testid={testId}>
      {amounts.map((a) => (
        <span key={a.currency}>{a.value}</span>
      ))}
    </p>
  );
}

// Only what the creator response type carries: rounded figures, the monthly trend, and each deal's name, brand, status, rounded value and next action.
export default async function CreatorEarningsPage() {
  const ctx = await requirePortal("creator");
  await requirePagePermission(ctx, "creator.self");
  const summary = await getCreatorRevenueSummary(ctx);
  const currencies = [...new Set(summary.trend.flatMap((t) => t.amounts.map((a) => a.currency)))];
  return (
    <>
      <PageHeader title="Earnings" description="What your collaborations are worth, rounded." />
      <div className="grid gap-6 *:min-w-0">
        <div className="grid gap-4 sm:grid-cols-2">
          <Card>
            <CardHeader className="pb-1">
              <CardDescription>Earned so far</CardDescription>
            </CardHeader>
            <CardContent>
              <Amounts amounts={summary.earned} testId="earnings-total" />
            </CardContent>
          </Card>
          <Card>
            <CardHeader className="pb-1">
              <CardDescription>On its way</CardDescription>
            </CardHeader>
            <CardContent>
              <Amounts amounts={summary.upcoming} />
            </CardContent>
          </Card>
        </div>
        <Card>
          <CardHeader>
            <CardTitle>Paid out per month</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-6 *:min-w-0">
            {currencies.length ? (
              currencies.map((currency) => (
                <MonthlyBars
                  key={currency}
                  label={`Paid out per month in ${currency}`}
                  points={summary.trend.map((t) => {
                    const amount = t.amounts.find((a) => a.currency === currency);
                    return {
                      month: monthLabel(t.month),
                      value: amount ? magnitude(amount.value) : 0,
                      display: amount?.value ?? "",
                    };
                  })}
                />
              ))
            ) : (
              <p className="text-sm text-muted-foreground">Nothing paid out in the last twelve months.</p>
            )}
          </CardContent>
        </Card>
        <section aria-labelledby="deals-heading" className="grid gap-3">
          <h2 id="deals-heading" className="text-lg font-semibold">
            Deals
          </h2>
          {summary.deals.length ? (
            <ul className="grid gap-3 sm:grid-cols-2" aria-label="Deals">
              {summary.deals.map((deal, i) => (
                <li key={`${deal.name}-${i}`} className="rounded-lg border p-4">
                  <div className="flex items-start justify-between gap-2">
                    <div className="min-w-0">
                      <p className="font-medium">{deal.name}</p>
                      <p className="text-sm text-muted-foreground">{deal.brand}</p>
                    </div>
                    <p className="text-lg font-semibold tabular-nums">{deal.value?.value ?? "—"}</p>
                  </div>
                  <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
                    <span className="rounded bg-muted px-1.5 py-0.5 text-xs">{deal.status}</span>
                    <span className="text-muted-foreground">Next: {deal.nextAction}</span>
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
