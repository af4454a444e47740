import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { writeAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { lockObject } from "./internal";
import { money } from "./money";
import { recomputePaid } from "./record-payment";
import { financeScope } from "./scope";
import { markPayoutSentSchema } from "./schemas";
import { idSchema } from "@/lib/domain/id";
import { toFinancialObjectView } from "./view";

/** Marks a scheduled payout as sent (PAID); the influencer invoice is re-summed and PAID once fully paid out. */
export async function markPayoutSent(ctx: AuthContext, payoutId: string, raw: unknown = {}) {
  const scope = financeScope(ctx, "finance.issue");
  if (!idSchema.safeParse(payoutId).success) throw notFound("Payout");
  const input = markPayoutSentSchema.parse(raw ?? {});
  return db.$transaction(async (tx) => {
    const payout = await lockObject(tx, ctx, payoutId, scope);
    if (payout.type !== "PAYOUT") throw new AppError("CONFLICT", "Only a payout can be marked as sent");
    if (payout.status !== "APPROVED")
      throw new AppError(
        "CONFLICT",
        `Only a scheduled payout can be marked as sent (this one is ${payout.status.toLowerCase()})`,
      );
    if (payout.parentId) await lockObject(tx, ctx, payout.parentId, scope);
    const paidAt = input.paidAt ? new Date(`${input.paidAt}T12:00:00Z`) : new Date();
    await tx.financialObject.update({
      where: { id: payoutId },
      data: {
        status: "PAID",
        paidAt,
        paidAmount: payout.total,
        externalRef: input.reference ?? payout.externalRef,
        version: { increment: 1 },
      },
    });
    if (payout.parentId) await recomputePaid(tx, payout.parentId, "PAYOUT", "APPROVED");
    await writeAudit(tx, ctx, {
      action: "finance.payout.sent",
      model: "FinancialObject",
      recordId: payoutId,
      display: `Payout of ${money(payout.total)} ${payout.currency} sent`,
      parent: { model: "Campaign", id: payout.campaignId },
      before: { status: "APPROVED" },
      after: { status: "PAID", paidAt, reference: input.reference },
    });
    return toFinancialObjectView(await tx.financialObject.findUniqueOrThrow({ where: { id: payoutId } }), ctx);
  });
}
