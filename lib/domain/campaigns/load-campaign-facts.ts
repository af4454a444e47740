import type { Tx } from "@/lib/db/client";
import type { CampaignStatus } from "@/lib/generated/prisma/enums";
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
  if (policy && typeof policy === "object" && "clientApprovesContent" in policy) return (policy as { clientApprovesContent: unknown }).clientApprovesContent !== false;
  return true;
}

/**
 * What the status machine's guards look at, read inside the caller's transaction so that the check and the
 * move see the same rows. The caller has already found the campaign within its scope.
 */
export async function loadCampaignFacts(tx: Tx, campaign: FactsSubject): Promise<CampaignFacts> {
  const { id: campaignId, agencyId } = campaign;
  const [briefApproval, shortlistApproval, assignments, tasks] = await Promise.all([
    tx.approvalItem.findFirst({
      where: { agencyId, campaignId, type: "BRIEF", subjectId: campaignId, subjectVersion: campaign.briefRevision, status: { in: [...APPROVED] } },
      select: { id: true },
    }),
    tx.approvalItem.findFirst({
      where: { agencyId, campaignId, type: "SHORTLIST", subjectId: campaignId, subjectVersion: campaign.shortlistRevision, status: { in: [...APPROVED] } },
      select: { id: true },
    }),
    tx.campaignInfluencer.groupBy({ by: ["status"], where: { agencyId, campaignId }, _count: { _all: true } }),
    // Cancelled and declined tasks do not count; approved, scheduled and published ones are approved.
    tx.contentTask.groupBy({ by: ["status"], where: { agencyId, campaignId, status: { notIn: ["CANCELLED", "DECLINED"] } }, _count: { _all: true } }),
  ]);
  const contentTasks = { total: 0, approved: 0 };
  for (const row of tasks) {
    contentTasks.total += row._count._all;
    if (row.status === "APPROVED" || row.status === "SCHEDULED" || row.status === "PUBLISHED") contentTasks.approved += row._count._all;
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
    // FinancialObject (BUDGET, CLIENT_INVOICE, PAYOUT) arrives with issue 5; until then no such rows exist.
    // The guards over them are unit-tested with facts made in the tests.
    budget: "none",
    contentTasks,
    clientInvoices: "none",
    payouts: "none",
  };
}
