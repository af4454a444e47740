import { Badge } from "@/components/ui/badge";
import { formatMoney } from "@/lib/domain/format-money";
import type { FieldChange, RevisionDiff as RevisionDiffData } from "@/lib/domain/finance/view-types";
import { CATEGORY_LABELS } from "./status";

type DiffValue = string | null;
type ShownChange = { field: string; label?: string; before: DiffValue; after: DiffValue };
type LineChange = { change: "added" | "removed" | "changed"; description: string; fields: ShownChange[] };

const show = (v: DiffValue) => (v === null || v === undefined || v === "" ? "—" : String(v));

const FIELD_LABELS: Record<string, string> = {
  title: "Title",
  currency: "Currency",
  subtotal: "Subtotal",
  taxAmount: "Tax",
  total: "Total",
  externalRef: "Their reference",
  dueDate: "Due date",
  internalNotes: "Internal notes",
  category: "Category",
  description: "Description",
  quantity: "Quantity",
  unitPrice: "Unit price",
  taxRate: "Tax %",
  amount: "Amount",
};
const MONEY_FIELDS = new Set(["subtotal", "taxAmount", "total", "unitPrice", "amount"]);

/** The domain's diff as shown: labelled fields, money formatted, lines named by their description. */
function shown(d: RevisionDiffData, currency: string, lineNames: Map<number, string>) {
  const value = (field: string, v: unknown): DiffValue => {
    if (v === null || v === undefined || v === "") return null;
    if (MONEY_FIELDS.has(field)) return formatMoney(String(v), currency);
    if (field === "category") return CATEGORY_LABELS[String(v)] ?? String(v);
    return String(v);
  };
  const change = (c: FieldChange): ShownChange => ({
    field: c.field,
    label: FIELD_LABELS[c.field],
    before: value(c.field, c.from),
    after: value(c.field, c.to),
  });
  type SnapshotLine = RevisionDiffData["lines"]["added"][number];
  const whole = (l: SnapshotLine, side: "before" | "after"): ShownChange[] =>
    (["category", "quantity", "unitPrice", "taxRate", "amount"] as const).map((f) => ({
      field: f,
      label: FIELD_LABELS[f],
      before: side === "before" ? value(f, l[f]) : null,
      after: side === "after" ? value(f, l[f]) : null,
    }));
  const lines: LineChange[] = [
    ...d.lines.changed.map((c): LineChange => ({
      change: "changed",
      description: lineNames.get(c.position) ?? `Line ${c.position}`,
      fields: c.changes.map(change),
    })),
    ...d.lines.added.map((l): LineChange => ({
      change: "added",
      description: l.description,
      fields: whole(l, "after"),
    })),
    ...d.lines.removed.map((l): LineChange => ({
      change: "removed",
      description: l.description,
      fields: whole(l, "before"),
    })),
  ];
  return { from: d.from.revision, to: d.to.revision, fields: d.fields.map(change), lines };
}

/**
 * What changed between two revisions: header fields, then lines added, removed or changed (before → after).
 * `lineNames`: the current lines' descriptions by position, to name a changed line.
 */
export function RevisionDiff({
  diff: data,
  currency,
  lineNames,
}: {
  diff: RevisionDiffData;
  currency: string;
  lineNames: Map<number, string>;
}) {
  const diff = shown(data, currency, lineNames);
  const nothing = diff.fields.length === 0 && diff.lines.length === 0;
  return (
    <section aria-labelledby="diff-heading" className="grid gap-3 *:min-w-0">
      <h2 id="diff-heading" className="text-lg font-semibold">
        Revision {diff.from} → revision {diff.to}
      </h2>
      {nothing ? <p className="text-sm text-muted-foreground">No differences between these two revisions.</p> : null}
      {diff.fields.length ? (
        <div className="relative overflow-x-auto rounded-lg border">
          <table className="w-full text-sm">
            <caption className="sr-only">Changed fields</caption>
            <thead className="bg-muted/50 text-left">
              <tr>
                <th scope="col" className="p-2 font-medium">
                  Field
                </th>
                <th scope="col" className="p-2 font-medium">
                  Revision {diff.from}
                </th>
                <th scope="col" className="p-2 font-medium">
                  Revision {diff.to}
                </th>
              </tr>
            </thead>
            <tbody>
              {diff.fields.map((f) => (
                <tr key={f.field} className="border-t">
                  <th scope="row" className="p-2 text-left font-medium">
                    {f.label ?? f.field}
                  </th>
                  <td className="p-2 break-words">
                    <del className="text-destructive decoration-destructive/60">{show(f.before)}</del>
                  </td>
                  <td className="p-2 break-words">
                    <ins className="text-success no-underline">{show(f.after)}</ins>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {diff.lines.length ? (
        <ul className="grid gap-2" aria-label="Changed lines">
          {diff.lines.map((line, i) => (
            <li key={`${line.description}-${i}`} className="rounded-md border p-3 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <Badge
                  variant={line.change === "added" ? "success" : line.change === "removed" ? "destructive" : "warning"}
                >
                  {line.change === "added" ? "Added" : line.change === "removed" ? "Removed" : "Changed"}
                </Badge>
                <span className="font-medium">{line.description}</span>
              </div>
              {line.fields.length ? (
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
                  {line.fields.map((f) => (
                    <div key={f.field} className="contents">
                      <dt className="text-muted-foreground">{f.label ?? f.field}</dt>
                      <dd className="break-words">
                        {line.change !== "added" ? <del className="text-destructive">{show(f.before)}</del> : null}
                        {line.change === "changed" ? " → " : null}
                        {line.change !== "removed" ? (
                          <ins className="text-success no-underline">{show(f.after)}</ins>
                        ) : null}
                      </dd>
                    </div>
                  ))}
                </dl>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
