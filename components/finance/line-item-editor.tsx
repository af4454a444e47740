"use client";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { FieldErrors } from "@/lib/errors";
import type { FinancialCategory } from "@/lib/generated/prisma/enums";
import { cn } from "@/lib/utils";
import { formatMoney } from "@/lib/domain/format-money";
import { centsToString, lineAmounts } from "./money";
import { CATEGORY_LABELS } from "./status";

export type LineDraft = {
  key: string;
  category: FinancialCategory | "";
  description: string;
  quantity: string;
  unitPrice: string;
  taxRate: string;
};

let seq = 0;
export function emptyLine(category: FinancialCategory | "" = ""): LineDraft {
  seq += 1;
  return { key: `line-${Date.now()}-${seq}`, category, description: "", quantity: "1", unitPrice: "", taxRate: "0" };
}

/** The lines as the shared zod schema expects them (category omitted when none was chosen). */
export function linesInput(lines: LineDraft[]) {
  return lines.map(({ category, description, quantity, unitPrice, taxRate }) => ({
    ...(category ? { category } : {}),
    description,
    quantity,
    unitPrice,
    taxRate: taxRate || "0",
  }));
}

/** Totals of the draft lines, in hundredths; null when a line is not a number yet. */
export function draftTotals(lines: LineDraft[]) {
  let net = 0n;
  let tax = 0n;
  for (const line of lines) {
    const a = lineAmounts(line);
    if (!a) return null;
    net += a.net;
    tax += a.tax;
  }
  return { subtotal: centsToString(net), tax: centsToString(tax), total: centsToString(net + tax) };
}

/**
 * Line items: category, description, quantity, unit price and tax rate per line; add and remove lines;
 * a live preview of each line and the totals (the server computes the real ones). Errors come keyed
 * `lines.<index>.<field>` as zod reports them.
 */
export function LineItemEditor({
  lines,
  onChange,
  currency,
  errors,
  idPrefix = "lines",
}: {
  lines: LineDraft[];
  onChange: (lines: LineDraft[]) => void;
  currency: string;
  errors: FieldErrors;
  idPrefix?: string;
}) {
  const update = (index: number, patch: Partial<LineDraft>) =>
    onChange(lines.map((l, i) => (i === index ? { ...l, ...patch } : l)));
  const totals = draftTotals(lines);
  const cell = "grid gap-1";
  const label = "text-xs font-medium text-muted-foreground";
  return (
    <fieldset className="grid gap-3">
      <legend className="mb-1 text-sm font-medium">Line items</legend>
      {errors.lines ? (
        <p role="alert" className="text-xs font-medium text-destructive">
          {errors.lines}
        </p>
      ) : null}
      <ol className="grid gap-3" aria-label="Line items">
        {lines.map((line, index) => {
          const n = index + 1;
          const id = (field: string) => `${idPrefix}-${index}-${field}`;
          const err = (field: string) => errors[`lines.${index}.${field}`];
          const amounts = lineAmounts(line);
          return (
            <li
              key={line.key}
              className="grid grid-cols-3 items-end gap-2 rounded-md border p-3 sm:grid-cols-[10rem_1fr_5rem_7rem_5rem_auto]"
            >
              <div className={cn(cell, "col-span-3 sm:col-span-1")}>
                <label htmlFor={id("category")} className={label}>
                  <span className="sr-only">Line {n} </span>Category
                </label>
                <NativeSelect
                  id={id("category")}
                  name={`lines.${index}.category`}
                  value={line.category}
                  onChange={(e) => update(index, { category: e.target.value as FinancialCategory | "" })}
                >
                  <option value="">No category</option>
                  {Object.entries(CATEGORY_LABELS).map(([value, text]) => (
                    <option key={value} value={value}>
                      {text}
                    </option>
                  ))}
                </NativeSelect>
              </div>
              <Field
                id={id("description")}
                n={n}
                label="Description"
                error={err("description")}
                className="col-span-3 sm:col-span-1"
              >
                <Input
                  id={id("description")}
                  name={`lines.${index}.description`}
                  value={line.description}
                  maxLength={500}
                  onChange={(e) => update(index, { description: e.target.value })}
                  aria-invalid={err("description") ? true : undefined}
                />
              </Field>
              <Field id={id("quantity")} n={n} label="Quantity" error={err("quantity")}>
                <Input
                  id={id("quantity")}
                  name={`lines.${index}.quantity`}
                  inputMode="decimal"
                  value={line.quantity}
                  onChange={(e) => update(index, { quantity: e.target.value })}
                  aria-invalid={err("quantity") ? true : undefined}
                />
              </Field>
              <Field id={id("unitPrice")} n={n} label={`Unit price (${currency})`} error={err("unitPrice")}>
                <Input
                  id={id("unitPrice")}
                  name={`lines.${index}.unitPrice`}
                  inputMode="decimal"
                  value={line.unitPrice}
                  onChange={(e) => update(index, { unitPrice: e.target.value })}
                  aria-invalid={err("unitPrice") ? true : undefined}
                />
              </Field>
              <Field id={id("taxRate")} n={n} label="Tax %" error={err("taxRate")}>
                <Input
                  id={id("taxRate")}
                  name={`lines.${index}.taxRate`}
                  inputMode="decimal"
                  value={line.taxRate}
                  onChange={(e) => update(index, { taxRate: e.target.value })}
                  aria-invalid={err("taxRate") ? true : undefined}
                />
              </Field>
              <div className="col-span-3 flex items-center justify-between gap-2 sm:col-span-1 sm:flex-col sm:items-end">
                <span className="text-sm tabular-nums" aria-label={`Line ${n} amount`}>
                  {amounts ? formatMoney(centsToString(amounts.net), currency) : "—"}
                </span>
                <Button
                  type="button"
                  variant="ghost"
                  size="sm"
                  onClick={() => onChange(lines.filter((_, i) => i !== index))}
                  disabled={lines.length === 1}
                  aria-label={`Remove line ${n}`}
                >
                  Remove
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={() => onChange([...lines, emptyLine()])}
          disabled={lines.length >= 200}
        >
          Add line
        </Button>
        <dl className="grid grid-cols-[auto_auto] gap-x-4 text-sm" aria-label="Totals preview">
          <dt className="text-muted-foreground">Subtotal</dt>
          <dd className="text-right tabular-nums">{totals ? formatMoney(totals.subtotal, currency) : "—"}</dd>
          <dt className="text-muted-foreground">Tax</dt>
          <dd className="text-right tabular-nums">{totals ? formatMoney(totals.tax, currency) : "—"}</dd>
          <dt className="font-medium">Total</dt>
          <dd className="text-right font-medium tabular-nums">{totals ? formatMoney(totals.total, currency) : "—"}</dd>
        </dl>
      </div>
    </fieldset>
  );
}

/** A line's field: the visible label is short ("Quantity"), the accessible name says which line ("Line 2 Quantity"). */
function Field({
  id,
  n,
  label,
  error,
  className,
  children,
}: {
  id: string;
  n: number;
  label: string;
  error?: string;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <div className={cn("grid min-w-0 gap-1", className)}>
      <label htmlFor={id} className="text-xs font-medium text-muted-foreground">
        <span className="sr-only">Line {n} </span>
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className={cn("text-xs font-medium text-destructive")}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
