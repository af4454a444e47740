import { formatMoney } from "@/components/finance/money";
import { CATEGORY_LABELS, FINANCE_TYPE_LABELS } from "@/components/finance/status";

type Line = { category?: string | null; description?: string; quantity?: string; unitPrice?: string; taxRate?: string; amount?: string };
type Snapshot = { type?: string; title?: string; number?: string | null; currency?: string; subtotal?: string; taxAmount?: string; total?: string; lines?: Line[] };

/** A budget or quote sent to the client, as frozen in the approval: title, lines and totals (no agency-internal notes). */
export function SubjectFinance({ snapshot }: { snapshot: unknown }) {
  const s = (snapshot ?? {}) as Snapshot;
  const currency = s.currency ?? "EUR";
  const lines = s.lines ?? [];
  return (
    <div className="grid gap-3 *:min-w-0">
      <p className="text-sm">
        <span className="font-medium">{FINANCE_TYPE_LABELS[s.type ?? ""] ?? "Financial document"}</span>
        {s.title ? ` — ${s.title}` : ""}
      </p>
      <div className="overflow-x-auto rounded-lg border">
        <table className="w-full min-w-[28rem] text-sm">
          <caption className="sr-only">Lines</caption>
          <thead className="bg-muted/50 text-left">
            <tr>
              <th scope="col" className="p-2 font-medium">Description</th>
              <th scope="col" className="p-2 font-medium">Category</th>
              <th scope="col" className="p-2 text-right font-medium">Qty</th>
              <th scope="col" className="p-2 text-right font-medium">Amount</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => (
              <tr key={i} className="border-t">
                <td className="p-2">{l.description}</td>
                <td className="p-2">{l.category ? (CATEGORY_LABELS[l.category] ?? l.category) : "—"}</td>
                <td className="p-2 text-right tabular-nums">{l.quantity ?? "1"}</td>
                <td className="p-2 text-right tabular-nums">{formatMoney(l.amount ?? null, currency)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="border-t">
              <th scope="row" colSpan={3} className="p-2 text-right font-medium">Subtotal</th>
              <td className="p-2 text-right tabular-nums">{formatMoney(s.subtotal ?? null, currency)}</td>
            </tr>
            <tr>
              <th scope="row" colSpan={3} className="p-2 text-right font-medium">Tax</th>
              <td className="p-2 text-right tabular-nums">{formatMoney(s.taxAmount ?? null, currency)}</td>
            </tr>
            <tr>
              <th scope="row" colSpan={3} className="p-2 text-right font-semibold">Total</th>
              <td className="p-2 text-right font-semibold tabular-nums">{formatMoney(s.total ?? null, currency)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
