import { Badge } from "@/components/ui/badge";

import { CATEGORY_LABELS as CATEGORIES, STATUS_LABELS, TYPE_LABELS } from "@/lib/domain/finance/values";

export { CREATABLE_TYPES } from "@/lib/domain/finance/values";

// One set of labels, the domain's, looked up by the plain strings the pages hold.
export const FINANCE_TYPE_LABELS: Record<string, string> = TYPE_LABELS;
export const FINANCE_STATUS_LABELS: Record<string, string> = STATUS_LABELS;
export const CATEGORY_LABELS: Record<string, string> = CATEGORIES;

const VARIANT: Record<string, "default" | "secondary" | "success" | "warning" | "destructive" | "outline"> = {
  DRAFT: "outline",
  SUBMITTED: "warning",
  APPROVED: "success",
  REJECTED: "destructive",
  ISSUED: "default",
  PAID: "success",
  VOID: "secondary",
};

export function financeStatusVariant(status: string) {
  return VARIANT[status] ?? "secondary";
}

export function FinanceStatusBadge({ status }: { status: string }) {
  return <Badge variant={financeStatusVariant(status)}>{FINANCE_STATUS_LABELS[status] ?? status}</Badge>;
}

/** A date-only value (issue, due, scheduled) as YYYY-MM-DD; timestamps as UTC minutes. */
export function formatDay(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return new Date(value).toISOString().slice(0, 10);
}

export function formatWhen(value: Date | string | null | undefined): string {
  if (!value) return "—";
  return new Date(value).toISOString().slice(0, 16).replace("T", " ") + " UTC";
}

/** A line's description cell (with its category under it on phones) and its category cell (from `sm` up). */
export function LineLabelCells({ description, category }: { description?: string; category: string | null }) {
  const label = category ? (CATEGORY_LABELS[category] ?? category) : null;
  return (
    <>
      <td className="p-2">
        {description}
        {label ? <span className="block text-xs text-muted-foreground sm:hidden">{label}</span> : null}
      </td>
      <td className="hidden p-2 sm:table-cell">{label ?? "—"}</td>
    </>
  );
}
