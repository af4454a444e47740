import type { FinancialCategory } from "@/lib/generated/prisma/enums";

// The shapes the finance pages render. Pages map the backend's answers to these (see adapt.ts), so the
// components do not change when a domain function grows a field.

export type LineView = {
  category: FinancialCategory | null;
  description: string;
  quantity: string;
  unitPrice: string;
  taxRate: string;
  amount: string;
};

export type ChainStepView = {
  step: number;
  label: string;
  status: string;
  decidedByName: string | null;
  decidedAt: string | Date | null;
  note: string | null;
};

export type ObjectFlags = {
  canRevise: boolean;
  canSubmit: boolean;
  canDecide: boolean;
  canIssue: boolean;
  canRecordPayment: boolean;
  canVoid: boolean;
  canSchedulePayout: boolean;
  canMarkPayoutSent: boolean;
  canDownloadPdf: boolean;
};

export type ObjectDetailView = {
  id: string;
  type: string;
  status: string;
  title: string;
  number: string | null;
  externalRef: string | null;
  currency: string;
  subtotal: string;
  taxAmount: string;
  total: string;
  paidAmount: string;
  outstanding: string;
  revision: number;
  version: number;
  issueDate: string | Date | null;
  dueDate: string | Date | null;
  scheduledFor: string | Date | null;
  voidReason: string | null;
  campaign: { id: string; name: string };
  clientName: string | null;
  influencerName: string | null;
  lines: LineView[];
  revisions: { revision: number; reason: string | null; createdByName: string | null; createdAt: string | Date }[];
  chain: ChainStepView[];
  payments: { id: string; amount: string; paidAt: string | Date | null; reference: string | null }[];
  payouts: {
    id: string;
    total: string;
    status: string;
    scheduledFor: string | Date | null;
    paidAt: string | Date | null;
  }[];
  flags: ObjectFlags;
};

export type ObjectRowView = {
  id: string;
  type: string;
  status: string;
  title: string;
  number: string | null;
  currency: string;
  total: string;
  campaignName: string;
  clientName: string | null;
  createdAt: string | Date;
  submittedAt?: string | Date | null;
  dueDate?: string | Date | null;
  waitingFor?: string | null;
};

/** One influencer invoice owed, with its payout if one is scheduled. */
export type PayoutRowView = {
  invoiceId: string;
  influencerName: string;
  campaignName: string;
  title: string;
  currency: string;
  amount: string;
  invoiceStatus: string;
  dueDate: string | Date | null;
  payout: { id: string; status: string; scheduledFor: string | Date | null; paidAt: string | Date | null } | null;
};
