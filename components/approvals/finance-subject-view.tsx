import { formatMoney } from "@/lib/domain/finance/money";
import { CATEGORY_LABELS } from "@/lib/domain/finance/schemas";

/** The snapshot of a financial object's revision as an approver (client or staff) sees it: lines and totals. */
type FinanceSnapshot = {
  title?: string;
  currency?: string;
  subtotal?: string;
  taxAmount?: string;
  total?: string;
  lines?: { position: number; category: keyof typeof CATEGORY_LABELS | null; description: string; quantity: string; unitPrice: string; taxRate: string; amount: string }[];
};

export function FinanceSubjectView({ snapshot }: { snapshot: unknown }) {
  const s = (snapshot ?? {}) as FinanceSnapshot;
  const currency = s.currency ?? "EUR";
  if (!s.lines?.length) return <p className="text-sm text-muted-foreground">Nothing to show.</p>;
  return (
    <div className="grid gap-3 text-sm">
      {s.title ? <p className="font-medium">{s.title}</p> : null}
      <div className="overflow-x-auto">
        <table className="w-full min-w-[28rem]">
          <thead>
            <tr className="border-b text-left text-xs text-muted-foreground">
              <th className="py-2 pr-2 font-medium">Description</th>
              <th className="py-2 pr-2 text-right font-medium">Qty</th>
              <th className="py-2 pr-2 text-right font-medium">Unit price</th>
              <th className="py-2 pr-2 text-right font-medium">Tax</th>
              <th className="py-2 text-right font-medium">Amount</th>
            </tr>
          </thead>
          <tbody>
            {s.lines.map((l) => (
              <tr key={l.position} className="border-b">
                <td className="py-2 pr-2">
                  {l.description}
                  {l.category ? <span className="block text-xs text-muted-foreground">{CATEGORY_LABELS[l.category]}</span> : null}
                </td>
                <td className="py-2 pr-2 text-right tabular-nums">{l.quantity}</td>
                <td className="py-2 pr-2 text-right tabular-nums">{formatMoney(l.unitPrice, currency)}</td>
                <td className="py-2 pr-2 text-right tabular-nums">{Number.parseFloat(l.taxRate)}%</td>
                <td className="py-2 text-right tabular-nums">{formatMoney(l.amount, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="ml-auto grid grid-cols-[auto_auto] gap-x-6 gap-y-1 tabular-nums">
        <dt className="text-muted-foreground">Subtotal</dt>
        <dd className="text-right">{formatMoney(s.subtotal ?? "0.00", currency)}</dd>
        <dt className="text-muted-foreground">Tax</dt>
        <dd className="text-right">{formatMoney(s.taxAmount ?? "0.00", currency)}</dd>
        <dt className="font-medium">Total</dt>
        <dd className="text-right font-medium">{formatMoney(s.total ?? "0.00", currency)}</dd>
      </dl>
    </div>
  );
}
