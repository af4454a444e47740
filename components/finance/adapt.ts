import type { FieldChange, RevisionDiff } from "@/lib/domain/finance/compare-revisions";
import type { CurrencySummary } from "@/lib/domain/finance/get-campaign-finance-summary";
import type { FinancialObjectDetail } from "@/lib/domain/finance/get-financial-object";
import type { FinanceQueueItem } from "@/lib/domain/finance/list-finance-queue";
import type { FinancialObjectListItem } from "@/lib/domain/finance/list-financial-objects";
import type { SummaryCurrency } from "./finance-summary";
import { formatMoney } from "@/lib/domain/format-money";
import type { FieldChange as ViewFieldChange, LineChange, RevisionDiffView } from "./revision-diff";
import { CATEGORY_LABELS } from "./status";
import type { ObjectDetailView, ObjectRowView } from "./types";

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
    lines: (o.lines ?? []).map((l) => ({
      category: l.category,
      description: l.description,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      taxRate: l.taxRate,
      amount: l.amount,
    })),
    revisions: d.revisions.map((r) => ({
      revision: r.revision,
      reason: r.reason,
      createdByName: r.createdBy,
      createdAt: r.createdAt,
    })),
    chain: d.approvals.map((a) => ({
      step: a.step,
      label: a.label,
      status: a.status,
      decidedByName: a.decidedBy,
      decidedAt: a.decidedAt,
      note: a.note,
    })),
    payments: d.children
      .filter((c) => c.type === "PAYMENT")
      .map((c) => ({ id: c.id, amount: c.total, paidAt: c.paidAt, reference: c.externalRef })),
    payouts: d.children
      .filter((c) => c.type === "PAYOUT")
      .map((c) => ({ id: c.id, total: c.total, status: c.status, scheduledFor: c.scheduledFor, paidAt: c.paidAt })),
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

export function toObjectRow(o: FinancialObjectListItem): ObjectRowView {
  return {
    id: o.id,
    type: o.type,
    status: o.status,
    title: o.title,
    number: o.number,
    currency: o.currency,
    total: o.total,
    campaignName: o.campaignName,
    clientName: o.clientName,
    createdAt: o.createdAt,
    dueDate: o.dueDate,
  };
}

export function toQueueRow(q: FinanceQueueItem): ObjectRowView {
  const age = q.ageDays === 0 ? "waiting since today" : `waiting ${q.ageDays} day${q.ageDays === 1 ? "" : "s"}`;
  return {
    id: q.objectId,
    type: q.type,
    status: q.status,
    title: q.title,
    number: null,
    currency: q.currency,
    total: q.total,
    campaignName: q.campaignName,
    clientName: q.clientName,
    createdAt: q.requestedAt,
    submittedAt: q.requestedAt,
    waitingFor: `step ${q.step} · ${age}${q.own ? " · yours: someone else decides" : ""}`,
  };
}

/** The queue's count as shown: exact ("12", "1,000"), or "1,000+" when more than the counted cap wait. */
export function queueCount(q: { total: number; totalCapped: boolean }): string {
  return `${q.total.toLocaleString("en")}${q.totalCapped ? "+" : ""}`;
}

export function toSummary(s: { currencies: CurrencySummary[] }): SummaryCurrency[] {
  return s.currencies.map((c) => ({
    currency: c.currency,
    categories: c.lines,
    total: c.total,
    budgetPending: c.total.budgetPending,
    client: c.client,
  }));
}

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

/** The backend's revision diff → the view: labelled fields, money formatted, lines named by their description. */
export function toDiff(d: RevisionDiff, currency: string, lineNames: Map<number, string>): RevisionDiffView {
  const value = (field: string, v: unknown): string | null => {
    if (v === null || v === undefined || v === "") return null;
    if (MONEY_FIELDS.has(field)) return formatMoney(String(v), currency);
    if (field === "category") return CATEGORY_LABELS[String(v)] ?? String(v);
    return String(v);
  };
  const change = (c: FieldChange): ViewFieldChange => ({
    field: c.field,
    label: FIELD_LABELS[c.field],
    before: value(c.field, c.from),
    after: value(c.field, c.to),
  });
  type SnapshotLine = RevisionDiff["lines"]["added"][number];
  const whole = (l: SnapshotLine, side: "before" | "after"): ViewFieldChange[] =>
    (["category", "quantity", "unitPrice", "taxRate", "amount"] as const).map((f) => ({
      field: f,
      label: FIELD_LABELS[f],
      before: side === "before" ? value(f, l[f]) : null,
      after: side === "after" ? value(f, l[f]) : null,
    }));
  return {
    from: d.from.revision,
    to: d.to.revision,
    fields: d.fields.map(change),
    lines: [
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
    ],
  };
}
