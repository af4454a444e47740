// The value lists and labels of the finance forms, without zod: client components import them from here, so that
// the schemas (and zod) stay out of the pages' first-load JavaScript (issue 14, npm run bench:js). The schemas
// re-export them.
import type { FinancialCategory, FinancialObjectType, FinancialStatus } from "@/lib/generated/prisma/enums";

export const FINANCIAL_TYPES = [
  "BUDGET",
  "QUOTE",
  "PURCHASE_ORDER",
  "EXPENSE",
  "CLIENT_INVOICE",
  "INFLUENCER_INVOICE",
  "PAYMENT",
  "PAYOUT",
] as const satisfies readonly FinancialObjectType[];
export const CREATABLE_TYPES = [
  "BUDGET",
  "QUOTE",
  "PURCHASE_ORDER",
  "EXPENSE",
  "CLIENT_INVOICE",
  "INFLUENCER_INVOICE",
] as const satisfies readonly FinancialObjectType[];
export type CreatableType = (typeof CREATABLE_TYPES)[number];
export const FINANCIAL_STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "APPROVED",
  "REJECTED",
  "ISSUED",
  "PAID",
  "VOID",
] as const satisfies readonly FinancialStatus[];
export const FINANCIAL_CATEGORIES = [
  "INFLUENCER_FEES",
  "PRODUCTION",
  "PAID_MEDIA",
  "AGENCY_FEE",
  "CONTINGENCY",
  "OTHER",
] as const satisfies readonly FinancialCategory[];
export const TYPE_LABELS: Record<FinancialObjectType, string> = {
  BUDGET: "Budget",
  QUOTE: "Quote",
  PURCHASE_ORDER: "Purchase order",
  EXPENSE: "Expense",
  CLIENT_INVOICE: "Client invoice",
  INFLUENCER_INVOICE: "Influencer invoice",
  PAYMENT: "Payment",
  PAYOUT: "Payout",
};
export const STATUS_LABELS: Record<FinancialStatus, string> = {
  DRAFT: "Draft",
  SUBMITTED: "Waiting for approval",
  APPROVED: "Approved",
  REJECTED: "Rejected",
  ISSUED: "Issued",
  PAID: "Paid",
  VOID: "Void",
};
export const CATEGORY_LABELS: Record<FinancialCategory, string> = {
  INFLUENCER_FEES: "Influencer fees",
  PRODUCTION: "Production",
  PAID_MEDIA: "Paid media",
  AGENCY_FEE: "Agency fee",
  CONTINGENCY: "Contingency",
  OTHER: "Other",
};
