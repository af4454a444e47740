import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";

/**
 * Marks pending approvals past their expiry EXPIRED (all agencies, or one). Called by a scheduled job; a
 * decision on an item past expiresAt is refused even before this ran (decide-approval checks the time).
 * Returns how many it expired.
 */
export async function expireApprovals(options: { now?: Date; agencyId?: string } = {}) {
  const now = options.now ?? new Date();
  return db.$transaction(async (tx) => {
    const due = await tx.approvalItem.findMany({
      where: { status: "PENDING", expiresAt: { lte: now }, ...(options.agencyId ? { agencyId: options.agencyId } : {}) },
      select: { id: true, agencyId: true, campaignId: true, type: true, subjectVersion: true },
      take: 1000,
    });
    if (due.length === 0) return 0;
    // Only those still pending: a decision that landed meanwhile wins.
    const ids = due.map((d) => d.id);
    const claimed = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "ApprovalItem" SET status = 'EXPIRED', "updatedAt" = now()
      WHERE id = ANY(${ids}::uuid[]) AND status = 'PENDING' RETURNING id`;
    const expired = new Set(claimed.map((c) => c.id));
    for (const item of due) {
      if (!expired.has(item.id)) continue;
      await writeAudit(tx, { agencyId: item.agencyId, userId: null, email: null }, {
        action: "approval.expire",
        model: "ApprovalItem",
        recordId: item.id,
        display: `${item.type} v${item.subjectVersion} expired`,
        parent: { model: "Campaign", id: item.campaignId },
        before: { status: "PENDING" },
        after: { status: "EXPIRED" },
      });
    }
    return expired.size;
  });
}
