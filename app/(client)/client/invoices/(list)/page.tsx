import type { Metadata } from "next";
import { Money } from "@/components/finance/money";
import { FinanceStatusBadge, formatDay } from "@/components/finance/status";
import { EmptyState, PageHeader } from "@/components/shell/page-header";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { listFinancialObjects } from "@/lib/domain/finance/list-financial-objects";

export const metadata: Metadata = { title: "Invoices" };

// The client's own invoices (the domain scopes the list to their client and to issued invoices); each downloads as PDF.
export default async function ClientInvoicesPage() {
  const ctx = await requirePortal("client");
  await requirePagePermission(ctx, "finance.read");
  const list = await listFinancialObjects(ctx, { type: "CLIENT_INVOICE", take: 200 });
  const rows = list.items;
  return (
    <>
      <PageHeader title="Invoices" description="Invoices the agency issued to you. Download any of them as PDF." />
      {rows.length ? (
        <div className="relative overflow-x-auto rounded-lg border">
          <table className="w-full text-sm">
            <caption className="sr-only">Your invoices</caption>
            <thead className="bg-muted/50 text-left">
              <tr>
                <th scope="col" className="p-2 font-medium">
                  Invoice
                </th>
                <th scope="col" className="hidden p-2 font-medium sm:table-cell">
                  Campaign
                </th>
                <th scope="col" className="p-2 text-right font-medium">
                  Total
                </th>
                <th scope="col" className="p-2 font-medium">
                  Status
                </th>
                <th scope="col" className="hidden p-2 font-medium md:table-cell">
                  Due
                </th>
                <th scope="col" className="p-2 font-medium">
                  <span className="sr-only">Download</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-t">
                  <td className="p-2">
                    <span className="font-medium">{row.number ?? "—"}</span>
                    <span className="block text-xs text-muted-foreground">{row.title}</span>
                  </td>
                  <td className="hidden p-2 sm:table-cell">{row.campaignName}</td>
                  <td className="p-2 text-right">
                    <Money amount={row.total} currency={row.currency} />
                  </td>
                  <td className="p-2">
                    <FinanceStatusBadge status={row.status} />
                  </td>
                  <td className="hidden p-2 md:table-cell">{formatDay(row.dueDate)}</td>
                  <td className="p-2">
                    <a
                      href={`/api/finance/objects/${row.id}/pdf`}
                      download
                      className="font-medium text-primary underline-offset-4 hover:underline"
                    >
                      PDF<span className="sr-only"> of invoice {row.number}</span>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <EmptyState title="No invoices yet">Invoices appear here once the agency issues them.</EmptyState>
      )}
    </>
  );
}
