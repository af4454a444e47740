import "server-only";
import { db, type Tx } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { writeAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { deliverEmails } from "@/lib/email/send-email";
import type { ApprovalItem } from "@/lib/generated/prisma/client";
import { loadRecipients, notifyUsers } from "@/lib/domain/notifications/notify";
import { approvalLink } from "./links";
import { APPROVAL_STATUS_LABELS, APPROVAL_TYPE_LABELS, decideApprovalSchema, type ShortlistSnapshot } from "./schemas";
import { idSchema } from "@/lib/domain/id";
import { addressedToCaller, approvalScope } from "./scope";
import { hooksFor } from "./subject-hooks";

/** Why an item can no longer be decided, as the 409 says it. */
export function closedMessage(item: Pick<ApprovalItem, "status" | "expiresAt">, now = new Date()): string | null {
  switch (item.status) {
    case "PENDING":
      return item.expiresAt && item.expiresAt <= now
        ? "This approval expired and can no longer be decided. Ask the agency to send it again."
        : null;
    case "SUPERSEDED":
      return "A newer version was sent since: this approval was superseded. Open the current one.";
    case "EXPIRED":
      return "This approval expired and can no longer be decided. Ask the agency to send it again.";
    case "CANCELLED":
      return "This approval was cancelled.";
    default:
      return `This approval was already decided (${APPROVAL_STATUS_LABELS[item.status].toLowerCase()}).`;
  }
}

/** The subject must still be the version approved: a change the supersede step missed is caught here. */
async function assertSubjectCurrent(tx: Tx, item: ApprovalItem) {
  if (item.type !== "BRIEF" && item.type !== "SHORTLIST") return;
  const campaign = await tx.campaign.findUniqueOrThrow({
    where: { id: item.campaignId },
    select: { briefRevision: true, shortlistRevision: true },
  });
  const current = item.type === "BRIEF" ? campaign.briefRevision : campaign.shortlistRevision;
  if (current !== item.subjectVersion)
    throw new AppError(
      "CONFLICT",
      "A newer version was sent since: this approval was superseded. Open the current one.",
    );
}

type LineOutcome = { lineId: string; decision: "APPROVED" | "REJECTED"; note: string | null };

function shortlistLines(item: ApprovalItem, decision: string, given: LineOutcome[] | undefined): LineOutcome[] {
  if (item.type !== "SHORTLIST" || decision === "CHANGES_REQUESTED") {
    if (given?.length)
      throw new AppError("VALIDATION_FAILED", "Check lines: per-influencer decisions apply to a shortlist only", {
        fields: { lines: "Only for a shortlist" },
      });
    return [];
  }
  const snapshot = item.subjectSnapshot as unknown as ShortlistSnapshot | null;
  const known = new Set(snapshot?.lines.map((l) => l.lineId) ?? []);
  const unknown = given?.find((l) => !known.has(l.lineId));
  if (unknown)
    throw new AppError("VALIDATION_FAILED", "Check lines: an influencer is not on this shortlist", {
      fields: { lines: `Not on this shortlist: ${unknown.lineId}` },
    });
  const fallback = decision === "REJECTED" ? "REJECTED" : "APPROVED";
  const byId = new Map(given?.map((l) => [l.lineId, l]));
  return [...known].map((lineId) => byId.get(lineId) ?? { lineId, decision: fallback, note: null });
}

/**
 * Decides an approval addressed to the caller. Exactly one decision lands: the status moves from PENDING
 * with a conditional update inside the transaction, and whoever finds it no longer pending gets 409.
 */
export async function decideApproval(ctx: AuthContext, approvalId: string, raw: unknown) {
  const visible = approvalScope(ctx);
  if (!idSchema.safeParse(approvalId).success) throw notFound("Approval");
  const input = decideApprovalSchema.parse(raw);
  const { decided, emailIds } = await db.$transaction(async (tx) => {
    const item = await tx.approvalItem.findFirst({
      where: { AND: [visible, { id: approvalId }] },
      include: { campaign: { select: { name: true, ownerId: true } } },
    });
    if (!item) throw notFound("Approval");
    const addressed = await tx.approvalItem.count({ where: { AND: [addressedToCaller(ctx), { id: approvalId }] } });
    if (!addressed)
      throw new AppError("FORBIDDEN", "This approval is addressed to someone else: only its approver can decide it");
    const now = new Date();
    const closed = closedMessage(item, now);
    if (closed) throw new AppError("CONFLICT", closed);
    await assertSubjectCurrent(tx, item);
    const hooks = hooksFor(item.subjectType);
    await hooks.beforeDecision?.(tx, ctx, item);
    const lines = shortlistLines(item, input.decision, input.lines);

    const claimed = await tx.approvalItem.updateMany({
      where: { id: approvalId, agencyId: ctx.agencyId, status: "PENDING" },
      data: {
        status: input.decision,
        conditions: input.conditions,
        decisionNote: input.note,
        decidedById: ctx.userId,
        decidedAt: now,
      },
    });
    if (claimed.count !== 1) {
      const fresh = await tx.approvalItem.findUniqueOrThrow({
        where: { id: approvalId },
        select: { status: true, expiresAt: true },
      });
      throw new AppError(
        "CONFLICT",
        closedMessage(fresh, now) ?? "This approval was decided by someone else at the same moment.",
      );
    }
    for (const line of lines) {
      await tx.approvalLineDecision.create({
        data: { agencyId: ctx.agencyId, approvalId, lineId: line.lineId, decision: line.decision, note: line.note },
      });
    }
    for (const status of ["APPROVED", "REJECTED"] as const) {
      const ids = lines.filter((l) => l.decision === status).map((l) => l.lineId);
      if (!ids.length) continue;
      await tx.campaignInfluencer.updateMany({
        where: { agencyId: ctx.agencyId, campaignId: item.campaignId, id: { in: ids }, status: "PROPOSED" },
        data: { status: status === "APPROVED" ? "CLIENT_APPROVED" : "CLIENT_REJECTED" },
      });
    }
    if (item.type === "SHORTLIST" && input.decision === "CHANGES_REQUESTED") {
      const ids = ((item.subjectSnapshot as unknown as ShortlistSnapshot | null)?.lines ?? []).map((l) => l.lineId);
      await tx.campaignInfluencer.updateMany({
        where: { agencyId: ctx.agencyId, campaignId: item.campaignId, id: { in: ids }, status: "PROPOSED" },
        data: { status: "SHORTLISTED" },
      });
    }
    const after = await tx.approvalItem.findUniqueOrThrow({ where: { id: approvalId } });
    const hookEmailIds = (await hooks.afterDecision?.(tx, ctx, after)) ?? [];
    const label = `${APPROVAL_TYPE_LABELS[item.type]} of "${item.campaign.name}"`;
    await writeAudit(tx, ctx, {
      action: "approval.decide",
      model: "ApprovalItem",
      recordId: approvalId,
      display: `${label}: ${APPROVAL_STATUS_LABELS[input.decision]}`,
      parent: { model: "Campaign", id: item.campaignId },
      before: { status: item.status },
      after: {
        status: after.status,
        conditions: after.conditions,
        decisionNote: after.decisionNote,
        lines: lines.map((l) => `${l.lineId}:${l.decision}`),
      },
    });
    const recipients = (await loadRecipients(tx, ctx.agencyId, [item.requestedById, item.campaign.ownerId])).filter(
      (r) => r.id !== ctx.userId,
    );
    const rejectedCount = lines.filter((l) => l.decision === "REJECTED").length;
    const emailIds = await notifyUsers(tx, ctx.agencyId, recipients, (r) => ({
      type: "approval.decided",
      title: `${label}: ${APPROVAL_STATUS_LABELS[input.decision].toLowerCase()} by ${ctx.name}`,
      body:
        [
          after.conditions && `Conditions: ${after.conditions}`,
          after.decisionNote && `Note: ${after.decisionNote}`,
          rejectedCount ? `${rejectedCount} of ${lines.length} influencers rejected.` : null,
        ]
          .filter(Boolean)
          .join("\n") || null,
      link: approvalLink(item, r),
    }));
    return { decided: { ...after, lines }, emailIds: [...emailIds, ...hookEmailIds] };
  });
  await deliverEmails(emailIds);
  return decided;
}
