import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role, ScopeType } from "@/lib/generated/prisma/enums";

// The part of Campaign.policy the approval engine reads. Anything missing or malformed falls back to the
// defaults: the client approves brief and shortlist, due in 3 days, expires after 14, goes to the director
// 2 days after its due date.

export const DEFAULT_DUE_DAYS = 3;
export const DEFAULT_EXPIRY_DAYS = 14;
/** An overdue item goes to the director this many days after its due date (the approvers were reminded at it). */
export const DEFAULT_ESCALATION_DAYS = 2;

export type ApprovalPolicy = {
  clientApprovesBrief: boolean;
  clientApprovesShortlist: boolean;
  dueDays: number;
  expiryDays: number;
  escalationDays: number;
};

function days(value: unknown, fallback: number) {
  return typeof value === "number" && Number.isInteger(value) && value > 0 && value <= 365 ? value : fallback;
}

export function approvalPolicy(policy: Prisma.JsonValue): ApprovalPolicy {
  const p = policy && typeof policy === "object" && !Array.isArray(policy) ? (policy as Record<string, unknown>) : {};
  const dueDays = days(p.approvalDueDays, DEFAULT_DUE_DAYS);
  return {
    clientApprovesBrief: p.clientApprovesBrief !== false,
    clientApprovesShortlist: p.clientApprovesShortlist !== false,
    dueDays,
    expiryDays: Math.max(dueDays, days(p.approvalExpiryDays, DEFAULT_EXPIRY_DAYS)),
    escalationDays: days(p.approvalEscalationDays, DEFAULT_ESCALATION_DAYS),
  };
}

export type Approver = {
  approverUserId: string | null;
  approverRole: Role | null;
  approverScopeType: ScopeType | null;
  approverScopeId: string | null;
};

/** Client approvals go to the CLIENT role of the campaign's client; internal ones to the director (or any director). */
export function approverFor(
  campaign: { clientId: string; directorId: string | null },
  clientApproves: boolean,
): Approver {
  if (clientApproves)
    return {
      approverUserId: null,
      approverRole: "CLIENT",
      approverScopeType: "CLIENT",
      approverScopeId: campaign.clientId,
    };
  if (campaign.directorId)
    return { approverUserId: campaign.directorId, approverRole: null, approverScopeType: null, approverScopeId: null };
  return { approverUserId: null, approverRole: "DIR", approverScopeType: "AGENCY", approverScopeId: null };
}

export function addDays(from: Date, count: number): Date {
  return new Date(from.getTime() + count * 24 * 60 * 60 * 1000);
}
