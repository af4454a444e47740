import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/utils";
import { formatMoney } from "@/lib/domain/format-money";
import type { CurrencySummary, SummaryFigures } from "@/lib/domain/finance/view-types";
import { CATEGORY_LABELS } from "./status";

const COLUMNS = [
  ["budget", "Budget"],
  ["committed", "Committed"],
  ["invoiced", "Invoiced"],
  ["paid", "Paid"],
] as const;

/** Budget against committed, invoiced and paid, per category and in total, one table per currency; overruns marked in words and colour. */
export function FinanceSummary({ summary }: { summary: CurrencySummary[] }) {
  if (!summary.length) return <p className="text-sm text-muted-foreground">No budget or spending yet.</p>;
  return (
    <div className="grid gap-4 *:min-w-0">
      {summary.map((s) => (
        <div key={s.currency} className="relative overflow-x-auto rounded-lg border">
          <table className="w-full min-w-[36rem] text-sm">
            <caption className="bg-muted/50 p-2 text-left font-medium">Budget and spending in {s.currency}</caption>
            <thead className="text-left">
              <tr className="border-b">
                <th scope="col" className="p-2 font-medium">
                  Category
                </th>
                {COLUMNS.map(([, label]) => (
                  <th key={label} scope="col" className="p-2 text-right font-medium">
                    {label}
                  </th>
                ))}
                <th scope="col" className="p-2 font-medium">
                  <span className="sr-only">Overrun</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {s.lines.map((row) => (
                <Row
                  key={row.category}
                  label={CATEGORY_LABELS[row.category] ?? (row.category || "Uncategorised")}
                  figures={row}
                  currency={s.currency}
                />
              ))}
            </tbody>
            <tfoot>
              <Row label="Total" figures={s.total} currency={s.currency} strong />
            </tfoot>
          </table>
          {s.total.budgetPending && /[1-9]/.test(s.total.budgetPending) ? (
            <p className="border-t p-2 text-xs text-muted-foreground">
              Budget not approved yet: {formatMoney(s.total.budgetPending, s.currency)}
            </p>
          ) : null}
          {s.client ? (
            <dl className="grid grid-cols-2 gap-2 border-t p-2 text-xs sm:grid-cols-4">
              {(
                [
                  ["Quoted to the client", s.client.quoted],
                  ["Invoiced to the client", s.client.invoiced],
                  ["Received", s.client.received],
                  ["Outstanding", s.client.outstanding],
                ] as const
              ).map(([label, amount]) => (
                <div key={label}>
                  <dt className="text-muted-foreground">{label}</dt>
                  <dd className="tabular-nums">{formatMoney(amount, s.currency)}</dd>
                </div>
              ))}
            </dl>
          ) : null}
        </div>
      ))}
    </div>
  );
}

function Row({
  label,
  figures,
  currency,
  strong,
}: {
  label: string;
  figures: SummaryFigures;
  currency: string;
  strong?: boolean;
}) {
  return (
    <tr className={cn("border-t", figures.overrun && "bg-destructive/5", strong && "font-semibold")}>
      <th scope="row" className="p-2 text-left font-medium">
        {label}
      </th>
      {COLUMNS.map(([key]) => (
        <td
          key={key}
          className={cn("p-2 text-right tabular-nums", figures.overrun && key === "committed" && "text-destructive")}
        >
          {formatMoney(figures[key], currency)}
        </td>
      ))}
      <td className="p-2">{figures.overrun ? <Badge variant="destructive">Over budget</Badge> : null}</td>
    </tr>
  );
}
