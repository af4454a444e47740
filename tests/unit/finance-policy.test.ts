import { describe, expect, it } from "vitest";
import { approvalChain, approvalTypeOf, financePolicy } from "@/lib/domain/finance/policy";
import { financeFacts } from "@/lib/domain/campaigns/load-campaign-facts";
import { diffSnapshots } from "@/lib/domain/finance/compare-revisions";

// The finance rules that need no database: the approval chain from the policy, approval types, campaign facts.

const campaign = (policy: object = {}) => ({ clientId: "c1", policy });
const roles = (type: Parameters<typeof approvalChain>[1]["type"], total: string, policy: object = {}) =>
  approvalChain(campaign(policy), { type, total }).map((s) => s.role);

describe("finance approval chain", () => {
  it("defaults: threshold 10,000.00; at it FIN only, above it FIN then DIR; quotes then go to the client, budgets do not", () => {
    expect(financePolicy({}).threshold.toFixed(2)).toBe("10000.00");
    expect(roles("PURCHASE_ORDER", "10000.00")).toEqual(["FIN"]);
    expect(roles("PURCHASE_ORDER", "10000.01")).toEqual(["FIN", "DIR"]);
    expect(roles("QUOTE", "50.00")).toEqual(["FIN", "CLIENT"]);
    expect(roles("QUOTE", "50000.00")).toEqual(["FIN", "DIR", "CLIENT"]);
    expect(roles("BUDGET", "50000.00")).toEqual(["FIN", "DIR"]);
  });

  it("follows the campaign policy; a malformed threshold falls back to the default", () => {
    expect(roles("EXPENSE", "600.00", { financeThreshold: "500" })).toEqual(["FIN", "DIR"]);
    expect(roles("BUDGET", "10.00", { clientApprovesBudget: true })).toEqual(["FIN", "CLIENT"]);
    expect(roles("QUOTE", "10.00", { clientApprovesQuotes: false })).toEqual(["FIN"]);
    expect(financePolicy({ financeThreshold: "ten" }).threshold.toFixed(2)).toBe("10000.00");
    expect(financePolicy(null).threshold.toFixed(2)).toBe("10000.00");
    const steps = approvalChain(campaign(), { type: "QUOTE", total: "20000" });
    expect(steps.map((s) => [s.step, s.permission])).toEqual([
      [1, "finance.approve"],
      [2, "finance.approve.high"],
      [3, "approval.decide"],
    ]);
    expect(steps[2].approver).toMatchObject({
      approverRole: "CLIENT",
      approverScopeType: "CLIENT",
      approverScopeId: "c1",
    });
  });

  it("approval types", () => {
    expect([
      approvalTypeOf("BUDGET"),
      approvalTypeOf("CLIENT_INVOICE"),
      approvalTypeOf("INFLUENCER_INVOICE"),
      approvalTypeOf("QUOTE"),
    ]).toEqual(["BUDGET", "INVOICE", "INVOICE", "FINANCE"]);
  });
});

describe("campaign finance facts", () => {
  it("none without rows; void and rejected do not count; drafts count as unpaid", () => {
    expect(financeFacts([])).toEqual({ budget: "none", clientInvoices: "none", payouts: "none" });
    expect(
      financeFacts([
        { type: "BUDGET", status: "REJECTED", count: 1 },
        { type: "BUDGET", status: "DRAFT", count: 1 },
        { type: "CLIENT_INVOICE", status: "VOID", count: 2 },
        { type: "CLIENT_INVOICE", status: "DRAFT", count: 1 },
        { type: "CLIENT_INVOICE", status: "PAID", count: 1 },
        { type: "INFLUENCER_INVOICE", status: "PAID", count: 2 },
        { type: "PAYOUT", status: "APPROVED", count: 1 },
      ]),
    ).toEqual({
      budget: { approved: false },
      clientInvoices: { total: 2, unpaid: 1 },
      payouts: { total: 3, unsettled: 1 },
    });
  });
});

describe("revision diff", () => {
  it("fields and lines by position", () => {
    const base = {
      revision: 1,
      type: "QUOTE",
      title: "A",
      currency: "EUR",
      subtotal: "1.00",
      taxAmount: "0.00",
      total: "1.00",
      externalRef: null,
      dueDate: null,
      internalNotes: null,
    };
    const l = (position: number, unitPrice: string) => ({
      position,
      category: null,
      description: `L${position}`,
      quantity: "1",
      unitPrice,
      taxRate: "0.00",
      amount: unitPrice,
    });
    const d = diffSnapshots(
      { ...base, lines: [l(1, "1.00"), l(2, "2.00")] },
      { ...base, revision: 2, title: "B", lines: [l(1, "1.50")] },
    );
    expect(d.fields).toEqual([{ field: "title", from: "A", to: "B" }]);
    expect(d.lines.removed.map((x) => x.position)).toEqual([2]);
    expect(d.lines.changed[0].changes.map((c) => c.field)).toEqual(["unitPrice", "amount"]);
  });
});
