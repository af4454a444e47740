import type { FinancialCategory, FinancialObjectType, FinancialStatus, Role } from "@/lib/generated/prisma/enums";

// The one view shape of finance: what the domain functions answer, the JSON API sends and the pages hand to
// components/finance as they are (no second mapping). Types only, importing nothing server-side, so client
// components may import them too. The domain builds them in view.ts and its use-case files.

// A financial object: amounts as decimal strings with their currency, days as
// "YYYY-MM-DD". Client users never get the agency-internal notes or who did what inside the agency.

export type FinancialLineView = {
  id: string;
  position: number;
  category: FinancialCategory | null;
  description: string;
  quantity: string;
  unitPrice: string;
  taxRate: string;
  amount: string;
};

export type FinancialObjectView = {
  id: string;
  campaignId: string;
  clientId: string;
  type: FinancialObjectType;
  status: FinancialStatus;
  title: string;
  number: string | null;
  externalRef: string | null;
  currency: string;
  subtotal: string;
  taxAmount: string;
  total: string;
  paidAmount: string;
  /** total − paidAmount. */
  outstanding: string;
  influencerId: string | null;
  parentId: string | null;
  issueDate: string | null;
  dueDate: string | null;
  scheduledFor: string | null;
  issuedAt: string | null;
  paidAt: string | null;
  voidedAt: string | null;
  voidReason: string | null;
  sentToClientAt: string | null;
  revision: number;
  approvalStep: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  lines?: FinancialLineView[];
  /** Staff only. */
  internalNotes?: string | null;
  createdById?: string | null;
  submittedById?: string | null;
};

export type ApprovalStepView = {
  step: number;
  role: "FIN" | "DIR" | "CLIENT";
  label: string;
  /** PLANNED: not opened yet. */
  status: string;
  approvalId: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  note: string | null;
};

/** One object with its lines, history, approval chain, payments and what the caller may do next. */
export type FinancialObjectDetail = {
  object: FinancialObjectView;
  campaign: { id: string; name: string; clientName: string };
  influencer: { id: string; name: string } | null;
  /** Staff only (empty for client users). */
  revisions: { revision: number; reason: string | null; createdBy: string | null; createdAt: string }[];
  approvals: ApprovalStepView[];
  /** Payments of a client invoice, payouts of an influencer invoice. */
  children: FinancialObjectView[];
  can: {
    revise: boolean;
    submit: boolean;
    decide: boolean;
    issue: boolean;
    pay: boolean;
    void: boolean;
    schedulePayout: boolean;
    /** This object is an approved payout the caller may mark sent. */
    markSent: boolean;
    /** This object is an influencer invoice: the caller may mark its approved payouts sent. */
    markPayoutsSent: boolean;
    downloadPdf: boolean;
  };
};

export type FinancialObjectListItem = FinancialObjectView & {
  campaignName: string;
  clientName: string;
  influencerName: string | null;
};

/** One pending approval of the finance queue, with its object. */
export type FinanceQueueItem = {
  approvalId: string;
  step: number;
  approverRole: Role | null;
  requestedAt: string;
  dueAt: string | null;
  /** Whole days waiting. */
  ageDays: number;
  objectId: string;
  type: FinancialObjectType;
  status: FinancialStatus;
  title: string;
  revision: number;
  currency: string;
  total: string;
  campaignId: string;
  campaignName: string;
  clientId: string;
  clientName: string;
  /** The caller created or submitted it: shown, but someone else must decide. */
  own: boolean;
};

export type SummaryFigures = { budget: string; committed: string; invoiced: string; paid: string; overrun: boolean };

/** A campaign's money in one currency (never added across currencies). */
export type CurrencySummary = {
  currency: string;
  /** Per category, in the order of FINANCIAL_CATEGORIES; categories with no figures are left out. */
  lines: (SummaryFigures & { category: FinancialCategory })[];
  /** budgetPending: budget lines not approved yet (drafts, waiting for approval). */
  total: SummaryFigures & { budgetPending: string };
  /** The client side: quotes approved, invoices issued to the client, and what the client paid. */
  client: { quoted: string; invoiced: string; received: string; outstanding: string };
};

/** What a revision recorded of its object (amounts as decimal strings, the due day as YYYY-MM-DD). */
export type RevisionSnapshot = {
  revision: number;
  type: string;
  title: string;
  currency: string;
  subtotal: string;
  taxAmount: string;
  total: string;
  externalRef: string | null;
  dueDate: string | null;
  internalNotes: string | null;
  lines: {
    position: number;
    category: string | null;
    description: string;
    quantity: string;
    unitPrice: string;
    taxRate: string;
    amount: string;
  }[];
};

export type FieldChange = { field: string; from: unknown; to: unknown };

/** Differences between two revisions: changed fields, and lines (by position) added, removed and changed. */
export type RevisionDiff = {
  from: { revision: number; reason: string | null; createdAt: string };
  to: { revision: number; reason: string | null; createdAt: string };
  fields: FieldChange[];
  lines: {
    added: RevisionSnapshot["lines"];
    removed: RevisionSnapshot["lines"];
    changed: { position: number; changes: FieldChange[] }[];
  };
};

/** A campaign or client a finance list can be filtered by. */
export type FilterChoice = { id: string; name: string };
