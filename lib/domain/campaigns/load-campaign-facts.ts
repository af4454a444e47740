import "server-only";
import type { Tx } from "@/lib/db/client";
import type { CampaignStatus, FinancialObjectType, FinancialStatus } from "@/lib/generated/prisma/enums";
import type { CampaignFacts } from "./status-machine";

const APPROVED = ["APPROVED", "APPROVED_WITH_CONDITIONS"] as const;
/** Assignments that no longer count: the influencer left or was turned down. */
export const INACTIVE_ASSIGNMENTS = ["DROPPED", "DECLINED", "CLIENT_REJECTED"] as const;
const CONTRACTED_ASSIGNMENTS = ["CONTRACTED", "ACTIVE", "COMPLETED"] as const;

export type FactsSubject = {
  id: string;
  agencyId: string;
  status: CampaignStatus;
  statusBeforeHold: CampaignStatus | null;
  brief: string | null;
  briefRevision: number;
  shortlistRevision: number;
  policy: unknown;
};

/** Reads the campaign policy's content flag; the client approves content unless the policy says otherwise. */
export function clientApprovesContent(policy: unknown): boolean {
  if (policy && typeof policy === "object" && "clientApprovesContent" in policy)
    return (policy as { clientApprovesContent: unknown }).clientApprovesContent !== false;
  return true;
}

/**
 * What the status machine's guards look at, read inside the caller's transaction so that the check and the
 * move see the same rows. The caller has already found the campaign within its scope.
 */
export async function loadCampaignFacts(tx: Tx, campaign: FactsSubject): Promise<CampaignFacts> {
  const { id: campaignId, agencyId } = campaign;
  const [briefApproval, shortlistApproval, assignments, tasks, finance] = await Promise.all([
    tx.approvalItem.findFirst({
      where: {
        agencyId,
        campaignId,
        type: "BRIEF",
        subjectId: campaignId,
        subjectVersion: campaign.briefRevision,
        status: { in: [...APPROVED] },
      },
      select: { id: true },
    }),
    tx.approvalItem.findFirst({
      where: {
        agencyId,
        campaignId,
        type: "SHORTLIST",
        subjectId: campaignId,
        subjectVersion: campaign.shortlistRevision,
        status: { in: [...APPROVED] },
      },
      select: { id: true },
    }),
    tx.campaignInfluencer.groupBy({ by: ["status"], where: { agencyId, campaignId }, _count: { _all: true } }),
    // Cancelled and declined tasks do not count; approved, scheduled and published ones are approved.
    tx.contentTask.groupBy({
      by: ["status"],
      where: { agencyId, campaignId, status: { notIn: ["CANCELLED", "DECLINED"] } },
      _count: { _all: true },
    }),
    tx.financialObject.groupBy({
      by: ["type", "status"],
      where: { agencyId, campaignId, type: { in: ["BUDGET", "CLIENT_INVOICE", "INFLUENCER_INVOICE", "PAYOUT"] } },
      _count: { _all: true },
    }),
  ]);
  const contentTasks = { total: 0, approved: 0 };
  for (const row of tasks) {
    contentTasks.total += row._count._all;
    if (row.status === "APPROVED" || row.status === "SCHEDULED" || row.status === "PUBLISHED")
      contentTasks.approved += row._count._all;
  }
  let active = 0;
  let uncontracted = 0;
  for (const row of assignments) {
    if ((INACTIVE_ASSIGNMENTS as readonly string[]).includes(row.status)) continue;
    active += row._count._all;
    if (!(CONTRACTED_ASSIGNMENTS as readonly string[]).includes(row.status)) uncontracted += row._count._all;
  }
  return {
    status: campaign.status,
    statusBeforeHold: campaign.statusBeforeHold,
    hasBrief: Boolean(campaign.brief?.trim()),
    briefRevision: campaign.briefRevision,
    briefApproved: campaign.briefRevision > 0 && briefApproval !== null,
    activeAssignments: active,
    uncontractedAssignments: uncontracted,
    shortlistRevision: campaign.shortlistRevision,
    shortlistApproved: shortlistApproval !== null,
    clientApprovesContent: clientApprovesContent(campaign.policy),
    ...financeFacts(finance.map((r) => ({ type: r.type, status: r.status, count: r._count._all }))),
    contentTasks,
  };
}

type FinanceCount = { type: FinancialObjectType; status: FinancialStatus; count: number };

/**
 * Budget, client invoices and payouts from the campaign's financial objects (void and rejected ones do not count):
 * - budget: "none" without a live budget; approved when one is APPROVED;
 * - client invoices: unpaid = not yet PAID (drafts and approved ones not issued yet count as unpaid);
 * - payouts: what is still owed to influencers = influencer invoices not yet PAID + payouts not yet sent.
 */
export function financeFacts(
  rows: readonly FinanceCount[],
): Pick<CampaignFacts, "budget" | "clientInvoices" | "payouts"> {
  const live = rows.filter((r) => r.status !== "VOID" && r.status !== "REJECTED");
  const count = (type: FinancialObjectType, pred: (s: FinancialStatus) => boolean = () => true) =>
    live.filter((r) => r.type === type && pred(r.status)).reduce((n, r) => n + r.count, 0);
  const budgets = count("BUDGET");
  const invoices = count("CLIENT_INVOICE");
  const payoutRows = count("PAYOUT") + count("INFLUENCER_INVOICE");
  return {
    budget: budgets ? { approved: count("BUDGET", (s) => s === "APPROVED") > 0 } : "none",
    clientInvoices: invoices ? { total: invoices, unpaid: count("CLIENT_INVOICE", (s) => s !== "PAID") } : "none",
    payouts: payoutRows
      ? {
          total: payoutRows,
          unsettled: count("PAYOUT", (s) => s !== "PAID") + count("INFLUENCER_INVOICE", (s) => s !== "PAID"),
        }
      : "none",
  };
}
