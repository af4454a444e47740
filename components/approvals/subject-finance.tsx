import { formatMoney } from "@/lib/domain/format-money";
import { FINANCE_TYPE_LABELS, LineLabelCells } from "@/components/finance/status";

type Line = {
  category?: string | null;
  description?: string;
  quantity?: string;
  unitPrice?: string;
  taxRate?: string;
  amount?: string;
};
type Snapshot = {
  type?: string;
  title?: string;
  number?: string | null;
  currency?: string;
  subtotal?: string;
  taxAmount?: string;
  total?: string;
  lines?: Line[];
};

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
      <div className="relative overflow-x-auto rounded-lg border">
        <table className="w-full text-sm">
          <caption className="sr-only">Lines</caption>
          <thead className="bg-muted/50 text-left">
            <tr>
              <th scope="col" className="p-2 font-medium">
                Description
              </th>
              <th scope="col" className="hidden p-2 font-medium sm:table-cell">
                Category
              </th>
              <th scope="col" className="p-2 text-right font-medium">
                Qty
              </th>
              <th scope="col" className="p-2 text-right font-medium">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => (
              <tr key={i} className="border-t">
                <LineLabelCells description={l.description} category={l.category ?? null} />
                <td className="p-2 text-right tabular-nums">{l.quantity ?? "1"}</td>
                <td className="p-2 text-right tabular-nums">{formatMoney(l.amount ?? null, currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="ml-auto grid grid-cols-[auto_auto] gap-x-6 gap-y-1 text-sm" aria-label="Totals">
        <dt className="text-muted-foreground">Subtotal</dt>
        <dd className="text-right tabular-nums">{formatMoney(s.subtotal ?? null, currency)}</dd>
        <dt className="text-muted-foreground">Tax</dt>
        <dd className="text-right tabular-nums">{formatMoney(s.taxAmount ?? null, currency)}</dd>
        <dt className="font-semibold">Total</dt>
        <dd className="text-right font-semibold tabular-nums">{formatMoney(s.total ?? null, currency)}</dd>
      </dl>
    </div>
  );
}
