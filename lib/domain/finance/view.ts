import "server-only";
import type { AuthContext } from "@/lib/auth/context";
import type { FinancialLine, FinancialObject } from "@/lib/generated/prisma/client";
import type { FinancialCategory, FinancialObjectType, FinancialStatus } from "@/lib/generated/prisma/enums";
import { money } from "./money";
import { isFinanceStaff } from "./scope";

// The JSON shape of a financial object: amounts as decimal strings with their currency, days as
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

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toLineView(l: FinancialLine): FinancialLineView {
  return {
    id: l.id,
    position: l.position,
    category: l.category,
    description: l.description,
    quantity: l.quantity.toString(),
    unitPrice: money(l.unitPrice),
    taxRate: l.taxRate.toFixed(2),
    amount: money(l.amount),
  };
}

export function toFinancialObjectView(
  o: FinancialObject & { lines?: FinancialLine[] },
  ctx: AuthContext,
): FinancialObjectView {
  const view: FinancialObjectView = {
    id: o.id,
    campaignId: o.campaignId,
    clientId: o.clientId,
    type: o.type,
    status: o.status,
    title: o.title,
    number: o.number,
    externalRef: o.externalRef,
    currency: o.currency,
    subtotal: money(o.subtotal),
    taxAmount: money(o.taxAmount),
    total: money(o.total),
    paidAmount: money(o.paidAmount),
    outstanding: money(o.total.minus(o.paidAmount)),
    influencerId: o.influencerId,
    parentId: o.parentId,
    issueDate: day(o.issueDate),
    dueDate: day(o.dueDate),
    scheduledFor: day(o.scheduledFor),
    issuedAt: iso(o.issuedAt),
    paidAt: iso(o.paidAt),
    voidedAt: iso(o.voidedAt),
    voidReason: o.voidReason,
    sentToClientAt: iso(o.sentToClientAt),
    revision: o.revision,
    approvalStep: o.approvalStep,
    version: o.version,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
  if (o.lines) view.lines = o.lines.map(toLineView);
  if (isFinanceStaff(ctx)) {
    view.internalNotes = o.internalNotes;
    view.createdById = o.createdById;
    view.submittedById = o.submittedById;
  }
  return view;
}
