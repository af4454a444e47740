import type { FinancialObjectDetail } from "@/lib/domain/finance/get-financial-object";
import type { ObjectDetailView } from "./types";

// The backend's answers → the view shapes of components/finance/types.ts.

/** `issue`: the viewer holds finance.issue (payouts listed on an influencer invoice can be marked sent from there). */
export function toObjectDetail(d: FinancialObjectDetail, viewer: { issue: boolean }): ObjectDetailView {
  const o = d.object;
  return {
    id: o.id,
    type: o.type,
    status: o.status,
    title: o.title,
    number: o.number,
    externalRef: o.externalRef,
    currency: o.currency,
    subtotal: o.subtotal,
    taxAmount: o.taxAmount,
    total: o.total,
    paidAmount: o.paidAmount,
    outstanding: o.outstanding,
    revision: o.revision,
    version: o.version,
    issueDate: o.issueDate,
    dueDate: o.dueDate,
    scheduledFor: o.scheduledFor,
    voidReason: o.voidReason,
    campaign: { id: d.campaign.id, name: d.campaign.name },
    clientName: d.campaign.clientName,
    influencerName: d.influencer?.name ?? null,
    lines: (o.lines ?? []).map((l) => ({ category: l.category, description: l.description, quantity: l.quantity, unitPrice: l.unitPrice, taxRate: l.taxRate, amount: l.amount })),
    revisions: d.revisions.map((r) => ({ revision: r.revision, reason: r.reason, createdByName: r.createdBy, createdAt: r.createdAt })),
    chain: d.approvals.map((a) => ({ step: a.step, label: a.label, status: a.status, decidedByName: a.decidedBy, decidedAt: a.decidedAt, note: a.note })),
    payments: d.children.filter((c) => c.type === "PAYMENT").map((c) => ({ id: c.id, amount: c.total, paidAt: c.paidAt, reference: c.externalRef })),
    payouts: d.children.filter((c) => c.type === "PAYOUT").map((c) => ({ id: c.id, total: c.total, status: c.status, scheduledFor: c.scheduledFor, paidAt: c.paidAt })),
    flags: {
      canRevise: d.can.revise,
      canSubmit: d.can.submit,
      canDecide: d.can.decide,
      canIssue: d.can.issue,
      canRecordPayment: d.can.pay,
      canVoid: d.can.void,
      canSchedulePayout: d.can.schedulePayout,
      canMarkPayoutSent: d.can.markSent || (viewer.issue && o.type === "INFLUENCER_INVOICE"),
      canDownloadPdf: d.can.downloadPdf,
    },
  };
}
