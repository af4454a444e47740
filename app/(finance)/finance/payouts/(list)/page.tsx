import type { Metadata } from "next";
import Link from "next/link";
import { toPayoutRow } from "@/components/finance/adapt";
import { Money } from "@/components/finance/money";
import { MarkPayoutSentButton, SchedulePayoutForm } from "@/components/finance/object-actions";
import { FinanceStatusBadge, formatDay } from "@/components/finance/status";
import { EmptyState, PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { listPayoutsOwed } from "@/lib/domain/finance/list-payouts-owed";

export const metadata: Metadata = { title: "Payouts" };

export default async function PayoutsPage() {
  const ctx = await requirePortal("finance");
  await requirePagePermission(ctx, "finance.read");
  const rows = (await listPayoutsOwed(ctx)).map(toPayoutRow);
  const manage = can(ctx, "finance.issue");
  return (
    <>
      <PageHeader
        title="Payouts"
        description="Approved influencer invoices: what is owed to whom, and when it goes out."
        actions={
          <Button asChild variant="outline">
            <a href="/api/finance/objects/export.csv?type=PAYOUT" download>
              Export CSV
            </a>
          </Button>
        }
      />
      {rows.length ? (
        <div className="overflow-x-auto rounded-lg border">
          <table className="w-full text-sm">
            <caption className="sr-only">Payouts owed</caption>
            <thead className="bg-muted/50 text-left">
              <tr>
                <th scope="col" className="p-2 font-medium">To whom</th>
                <th scope="col" className="hidden p-2 font-medium md:table-cell">Invoice</th>
                <th scope="col" className="p-2 text-right font-medium">Amount</th>
                <th scope="col" className="p-2 font-medium">When</th>
                {manage ? <th scope="col" className="p-2 font-medium">Action</th> : null}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.invoiceId} className="border-t align-top">
                  <td className="p-2">
                    <span className="font-medium">{row.influencerName}</span>
                    <span className="block text-xs text-muted-foreground">{row.campaignName}</span>
                  </td>
                  <td className="hidden p-2 md:table-cell">
                    <Link href={`/finance/objects/${row.invoiceId}`} className="underline-offset-4 hover:underline">
                      {row.title}
                    </Link>
                  </td>
                  <td className="p-2 text-right"><Money amount={row.amount} currency={row.currency} /></td>
                  <td className="p-2">
                    {row.payout ? (
                      <span className="flex flex-wrap items-center gap-2">
                        <FinanceStatusBadge status={row.payout.status} />
                        {row.payout.status === "PAID" ? `sent ${formatDay(row.payout.paidAt)}` : formatDay(row.payout.scheduledFor)}
                      </span>
                    ) : (
                      <span className="text-muted-foreground">Not scheduled{row.dueDate ? ` · due ${formatDay(row.dueDate)}` : ""}</span>
                    )}
                  </td>
                  {manage ? (
                    <td className="p-2">
                      {!row.payout ? <SchedulePayoutForm id={row.invoiceId} /> : row.payout.status !== "PAID" && row.payout.status !== "VOID" ? <MarkPayoutSentButton id={row.payout.id} label={`Mark sent to ${row.influencerName}`} /> : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState title="No payouts owed">Approved influencer invoices appear here until their payout is sent.</EmptyState>
      )}
    </>
  );
}
