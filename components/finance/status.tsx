import { Badge } from "@/components/ui/badge";

export const FINANCE_TYPE_LABELS: Record<string, string> = {
  BUDGET: "Budget",
  QUOTE: "Quote",
  PURCHASE_ORDER: "Purchase order",
  EXPENSE: "Expense",
  CLIENT_INVOICE: "Client invoice",
  INFLUENCER_INVOICE: "Influencer invoice",
  PAYMENT: "Payment",
  PAYOUT: "Payout",
};

/** The types a campaign manager creates by hand; payments and payouts come from recording them on an invoice. */
export const CREATABLE_TYPES = ["BUDGET", "QUOTE", "PURCHASE_ORDER", "EXPENSE", "CLIENT_INVOICE", "INFLUENCER_INVOICE"] as const;

export const FINANCE_STATUS_LABELS: Record<string, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Submitted",
  APPROVED: "Approved",
  REJECTED: "Rejected",
  ISSUED: "Issued",
  PAID: "Paid",
  VOID: "Void",
};

export const CATEGORY_LABELS: Record<string, string> = {
  INFLUENCER_FEES: "Influencer fees",
  PRODUCTION: "Production",
  PAID_MEDIA: "Paid media",
  AGENCY_FEE: "Agency fee",
  CONTINGENCY: "Contingency",
  OTHER: "Other",
};

const VARIANT: Record<string, "default" | "secondary" | "success" | "warning" | "destructive" | "outline"> = {
  DRAFT: "outline",
  SUBMITTED: "warning",
  APPROVED: "success",
  REJECTED: "destructive",
  ISSUED: "default",
  PAID: "success",
  VOID: "secondary",
};

export function FinanceStatusBadge({ status }: { status: string }) {
  return <Badge variant={VARIANT[status] ?? "secondary"}>{FINANCE_STATUS_LABELS[status] ?? status}</Badge>;
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
