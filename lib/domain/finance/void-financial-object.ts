import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { writeAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { linesInclude, lockObject } from "./internal";
import { money } from "./money";
import { recomputePaid } from "./record-payment";
import { financeScope } from "./scope";
import { TYPE_LABELS, voidSchema } from "./schemas";
import { idSchema } from "@/lib/domain/id";
import { toFinancialObjectView } from "./view";

/**
 * Voids an object with a reason. An issued invoice keeps its number (never reused, so numbering stays
 * gapless); one with payments must have them voided first. Voiding a payment or a sent payout re-sums its
 * invoice. Pending approvals are cancelled.
 */
export async function voidFinancialObject(ctx: AuthContext, id: string, raw: unknown) {
  const scope = financeScope(ctx, "finance.issue");
  if (!idSchema.safeParse(id).success) throw notFound("Financial object");
  const input = voidSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const object = await lockObject(tx, ctx, id, scope);
    if (object.status === "VOID") throw new AppError("CONFLICT", "Already void");
    const child = object.type === "PAYMENT" || object.type === "PAYOUT";
    if (object.status === "PAID" && !child)
      throw new AppError("CONFLICT", "A paid object cannot be voided: void its payments first");
    if (!child && object.paidAmount.gt(0)) throw new AppError("CONFLICT", "This invoice has payments: void them first");
    if (child && object.parentId) await lockObject(tx, ctx, object.parentId, scope);
    await tx.financialObject.update({
      where: { id },
      data: { status: "VOID", voidedAt: new Date(), voidReason: input.reason, version: { increment: 1 } },
    });
    await tx.approvalItem.updateMany({
      where: { agencyId: ctx.agencyId, subjectType: "FinancialObject", subjectId: id, status: "PENDING" },
      data: { status: "CANCELLED" },
    });
    if (object.type === "PAYMENT" && object.parentId) await recomputePaid(tx, object.parentId, "PAYMENT", "ISSUED");
    if (object.type === "PAYOUT" && object.parentId) await recomputePaid(tx, object.parentId, "PAYOUT", "APPROVED");
    await writeAudit(tx, ctx, {
      action: "finance.void",
      model: "FinancialObject",
      recordId: id,
      display: `${TYPE_LABELS[object.type]} ${object.number ?? `"${object.title}"`} (${money(object.total)} ${object.currency}) void: ${input.reason}`,
      parent: { model: "Campaign", id: object.campaignId },
      before: { status: object.status },
      after: { status: "VOID", reason: input.reason, number: object.number },
    });
    const after = await tx.financialObject.findUniqueOrThrow({ where: { id }, include: linesInclude });
    return toFinancialObjectView(after, ctx);
  });
}
