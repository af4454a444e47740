import "server-only";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import { deliverEmails } from "@/lib/email/send-email";
import { loadRecipients, notifyUsers } from "@/lib/domain/notifications/notify";
import { approvalLink } from "./links";
import { APPROVAL_TYPE_LABELS } from "./schemas";

/** Items per transaction: Prisma ends an interactive transaction after 5 s; 1,000 items took longer, 50 take about 1 s. */
const BATCH = 50;
/** A run stops taking new batches after this long, so that a job stays well inside its 60-s expiry (lib/jobs/boss.ts). */
const BUDGET_MS = 30_000;

/**
 * Marks pending approvals past their expiry EXPIRED (all agencies, or one). Called by a scheduled job; a
 * decision on an item past expiresAt is refused even before this ran (decide-approval checks the time).
 * Whoever asked for the approval and the campaign's owner are told (in the app and by e-mail), so that the
 * subject is sent again rather than left waiting for a decision that can no longer come.
 * Idempotent: each item is claimed by a conditional update, so a second run (or a retried job) expires and
 * notifies nothing twice. Works in batches until none is due or the time budget is spent (the next run goes on).
 * Returns how many it expired.
 */
export async function expireApprovals(options: { now?: Date; agencyId?: string; budgetMs?: number } = {}) {
  const now = options.now ?? new Date();
  const started = Date.now();
  let total = 0;
  for (;;) {
    const { found, count } = await expireBatch(now, options.agencyId);
    total += count;
    if (found < BATCH || Date.now() - started >= (options.budgetMs ?? BUDGET_MS)) return total;
  }
}

async function expireBatch(now: Date, agencyId: string | undefined) {
  const { found, count, emailIds } = await db.$transaction(async (tx) => {
    const due = await tx.approvalItem.findMany({
      where: { status: "PENDING", expiresAt: { lte: now }, ...(agencyId ? { agencyId } : {}) },
      include: { campaign: { select: { name: true, ownerId: true } } },
      take: BATCH,
    });
    if (due.length === 0) return { found: 0, count: 0, emailIds: [] };
    // Only those still pending: a decision that landed meanwhile wins.
    const ids = due.map((d) => d.id);
    const claimed = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "ApprovalItem" SET status = 'EXPIRED', "updatedAt" = now()
      WHERE id = ANY(${ids}::uuid[]) AND status = 'PENDING' RETURNING id`;
    const expired = new Set(claimed.map((c) => c.id));
    const emailIds: string[] = [];
    for (const item of due) {
      if (!expired.has(item.id)) continue;
      const recipients = await loadRecipients(tx, item.agencyId, [item.requestedById, item.campaign.ownerId]);
      const what = `${APPROVAL_TYPE_LABELS[item.type]} of "${item.campaign.name}"`;
      emailIds.push(
        ...(await notifyUsers(tx, item.agencyId, recipients, (r) => ({
          type: "approval.expired",
          title: `The ${what} expired without a decision`,
          body: "Nobody can decide on it any more. Send it again when it should be decided.",
          link: approvalLink(item, r),
        }))),
      );
      await writeAudit(
        tx,
        { agencyId: item.agencyId, userId: null, email: null },
        {
          action: "approval.expire",
          model: "ApprovalItem",
          recordId: item.id,
          display: `${item.type} v${item.subjectVersion} expired`,
          parent: { model: "Campaign", id: item.campaignId },
          before: { status: "PENDING" },
          after: { status: "EXPIRED" },
        },
      );
    }
    return { found: due.length, count: expired.size, emailIds };
  });
  await deliverEmails(emailIds);
  return { found, count };
}
