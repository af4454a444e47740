import "server-only";
import type { Tx } from "@/lib/db/client";
import { writeAudit, type AuditActor } from "@/lib/audit";
import type { ApprovalType } from "@/lib/generated/prisma/enums";

/**
 * A new version of a subject (brief revision, shortlist revision, artifact version, financial revision)
 * supersedes every pending approval of an older version, inside the caller's transaction. Returns the ids
 * it superseded; the caller then opens a new item if the new version needs approval.
 */
export async function supersedePendingApprovals(
  tx: Tx,
  actor: AuditActor & { agencyId: string },
  subject: { campaignId: string; type: ApprovalType; subjectId: string; newVersion: number },
): Promise<string[]> {
  const pending = await tx.approvalItem.findMany({
    where: {
      agencyId: actor.agencyId,
      campaignId: subject.campaignId,
      type: subject.type,
      subjectId: subject.subjectId,
      status: "PENDING",
      subjectVersion: { lt: subject.newVersion },
    },
    select: { id: true, subjectVersion: true },
  });
  if (pending.length === 0) return [];
  await tx.approvalItem.updateMany({
    where: { id: { in: pending.map((p) => p.id) }, status: "PENDING" },
    data: { status: "SUPERSEDED" },
  });
  for (const item of pending) {
    await writeAudit(tx, actor, {
      action: "approval.supersede",
      model: "ApprovalItem",
      recordId: item.id,
      display: `${subject.type} v${item.subjectVersion} → v${subject.newVersion}`,
      parent: { model: "Campaign", id: subject.campaignId },
      before: { status: "PENDING" },
      after: { status: "SUPERSEDED" },
    });
  }
  return pending.map((p) => p.id);
}
