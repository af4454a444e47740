import type { Metadata } from "next";
import Link from "next/link";
import { Money } from "@/components/finance/money";
import { MarkPayoutSentButton } from "@/components/finance/object-actions";
import { formatDay } from "@/components/finance/status";
import { EmptyState, PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { listPayoutsOwed } from "@/lib/domain/finance/list-payouts-owed";

export const metadata: Metadata = { title: "Payouts" };

const th = "p-2 font-medium";

// What the agency owes to whom (approved influencer invoices not paid out yet) and the payouts planned, by date.
export default async function PayoutsPage() {
  const ctx = await requirePortal("finance");
  await requirePagePermission(ctx, "finance.read");
  const { owed, scheduled } = await listPayoutsOwed(ctx);
  const manage = can(ctx, "finance.issue");
  return (
    <>
      <PageHeader
        title="Payouts"
        description="What is owed to whom, and when it goes out. Schedule a payout on the influencer invoice."
        actions={
          <Button asChild variant="outline">
            <a href="/api/finance/objects/export.csv?type=PAYOUT" download>
              Export CSV
            </a>
          </Button>
        }
      />
      <section aria-labelledby="owed-heading" className="mb-8 grid gap-3 *:min-w-0">
        <h2 id="owed-heading" className="text-lg font-semibold">
          Owed ({owed.length})
        </h2>
        {owed.length ? (
          <div className="relative overflow-x-auto rounded-lg border">
            <table className="w-full text-sm">
              <caption className="sr-only">Owed to influencers</caption>
              <thead className="bg-muted/50 text-left">
                <tr>
                  <th scope="col" className={th}>
                    To whom
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    Owed
                  </th>
                  <th scope="col" className={`hidden ${th} text-right sm:table-cell`}>
                    Scheduled
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    Not planned
                  </th>
                  <th scope="col" className={`hidden ${th} md:table-cell`}>
                    Next payout
                  </th>
                </tr>
              </thead>
              <tbody>
                {owed.map((row) => (
                  <tr key={`${row.influencerId}-${row.currency}`} className="border-t">
                    <td className="p-2">
                      <Link
                        href={`/finance/objects?type=INFLUENCER_INVOICE&status=APPROVED&influencerId=${row.influencerId}`}
                        className="font-medium underline-offset-4 hover:underline"
                      >
                        {row.influencerName}
                      </Link>
                      <span className="block text-xs text-muted-foreground">
                        {row.invoices} invoice{row.invoices === 1 ? "" : "s"}
                      </span>
                    </td>
                    <td className="p-2 text-right">
                      <Money amount={row.owed} currency={row.currency} />
                    </td>
                    <td className="hidden p-2 text-right sm:table-cell">
                      <Money amount={row.scheduled} currency={row.currency} />
                    </td>
                    <td className="p-2 text-right">
                      <Money
                        amount={row.unscheduled}
                        currency={row.currency}
                        className={/[1-9]/.test(row.unscheduled) ? "font-medium" : "text-muted-foreground"}
                      />
                    </td>
                    <td className="hidden p-2 md:table-cell">{formatDay(row.nextScheduledFor)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState title="Nothing owed">
            Approved influencer invoices appear here until they are paid out.
          </EmptyState>
        )}
      </section>
      <section aria-labelledby="scheduled-heading" className="grid gap-3 *:min-w-0">
        <h2 id="scheduled-heading" className="text-lg font-semibold">
          Scheduled payouts ({scheduled.length})
        </h2>
        {scheduled.length ? (
          <div className="relative overflow-x-auto rounded-lg border">
            <table className="w-full text-sm">
              <caption className="sr-only">Scheduled payouts</caption>
              <thead className="bg-muted/50 text-left">
                <tr>
                  <th scope="col" className={th}>
                    When
                  </th>
                  <th scope="col" className={th}>
                    To whom
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    Amount
                  </th>
                  {manage ? (
                    <th scope="col" className={th}>
                      <span className="sr-only">Action</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {scheduled.map((p) => (
                  <tr key={p.id} className="border-t">
                    <td className="p-2 whitespace-nowrap">{formatDay(p.scheduledFor)}</td>
                    <td className="p-2">
                      <Link
                        href={`/finance/objects/${p.id}`}
                        className="font-medium underline-offset-4 hover:underline"
                      >
                        {p.influencerName ?? "Influencer"}
                      </Link>
                      <span className="block text-xs text-muted-foreground">{p.campaignName}</span>
                    </td>
                    <td className="p-2 text-right">
                      <Money amount={p.total} currency={p.currency} />
                    </td>
                    {manage ? (
                      <td className="p-2">
                        <MarkPayoutSentButton id={p.id} label="Mark sent" />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState title="No payouts scheduled">Schedule one from an approved influencer invoice.</EmptyState>
        )}
      </section>
    </>
  );
}
