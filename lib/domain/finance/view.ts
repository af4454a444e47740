import "server-only";
import type { AuthContext } from "@/lib/auth/context";
import type { FinancialLine, FinancialObject } from "@/lib/generated/prisma/client";
import { money } from "./money";
import { isFinanceStaff } from "./scope";
import type { FinancialLineView, FinancialObjectView } from "./view-types";

export type { FinancialLineView, FinancialObjectView };

// Rows → the one view shape of lib/domain/finance/view-types.ts (what the JSON API answers and the pages render).

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
