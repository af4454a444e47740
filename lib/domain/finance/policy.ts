import "server-only";
import type { Permission } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ApprovalType, FinancialObjectType, Role } from "@/lib/generated/prisma/enums";
import type { Approver } from "@/lib/domain/approvals/policy";
import { Decimal, type Dec, type DecValue } from "./money";

// The finance part of Campaign.policy: who approves a financial object.
// - total ≤ financeThreshold (default 10,000.00, in the object's own currency): FIN;
// - above it: FIN, then DIR;
// - then the client, for quotes (clientApprovesQuotes, default true) and budgets (clientApprovesBudget, default false).
// Payments and payouts are not approved: they follow an approved invoice.

export const DEFAULT_FINANCE_THRESHOLD = "10000.00";

export type FinancePolicy = { threshold: Dec; clientApprovesQuotes: boolean; clientApprovesBudget: boolean };

export function financePolicy(policy: Prisma.JsonValue | unknown): FinancePolicy {
  const p = policy && typeof policy === "object" && !Array.isArray(policy) ? (policy as Record<string, unknown>) : {};
  const raw = p.financeThreshold;
  const valid = (typeof raw === "string" || typeof raw === "number") && /^\d{1,12}(\.\d{1,2})?$/.test(String(raw));
  return {
    threshold: new Decimal(valid ? String(raw) : DEFAULT_FINANCE_THRESHOLD),
    clientApprovesQuotes: p.clientApprovesQuotes !== false,
    clientApprovesBudget: p.clientApprovesBudget === true,
  };
}

export type ChainStep = {
  step: number;
  role: Extract<Role, "FIN" | "DIR" | "CLIENT">;
  permission: Permission;
  approver: Approver;
  label: string;
};

export const APPROVABLE_TYPES: readonly FinancialObjectType[] = [
  "BUDGET",
  "QUOTE",
  "PURCHASE_ORDER",
  "EXPENSE",
  "CLIENT_INVOICE",
  "INFLUENCER_INVOICE",
];

export function approvalTypeOf(type: FinancialObjectType): ApprovalType {
  if (type === "BUDGET") return "BUDGET";
  if (type === "CLIENT_INVOICE" || type === "INFLUENCER_INVOICE") return "INVOICE";
  return "FINANCE";
}

/** The approval steps of one revision of an object, in order. */
export function approvalChain(
  campaign: { clientId: string; policy: unknown },
  object: { type: FinancialObjectType; total: DecValue },
): ChainStep[] {
  const policy = financePolicy(campaign.policy);
  const steps: Omit<ChainStep, "step">[] = [
    {
      role: "FIN",
      permission: "finance.approve",
      label: "Finance",
      approver: { approverUserId: null, approverRole: "FIN", approverScopeType: "AGENCY", approverScopeId: null },
    },
  ];
  if (new Decimal(object.total).gt(policy.threshold)) {
    steps.push({
      role: "DIR",
      permission: "finance.approve.high",
      label: "Director",
      approver: { approverUserId: null, approverRole: "DIR", approverScopeType: "AGENCY", approverScopeId: null },
    });
  }
  const toClient =
    (object.type === "QUOTE" && policy.clientApprovesQuotes) ||
    (object.type === "BUDGET" && policy.clientApprovesBudget);
  if (toClient) {
    steps.push({
      role: "CLIENT",
      permission: "approval.decide",
      label: "Client",
      approver: {
        approverUserId: null,
        approverRole: "CLIENT",
        approverScopeType: "CLIENT",
        approverScopeId: campaign.clientId,
      },
    });
  }
  return steps.map((s, i) => ({ ...s, step: i + 1 }));
}
