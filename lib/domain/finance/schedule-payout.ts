import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { writeAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { lockObject } from "./internal";
import { dec, money, sum } from "./money";
import { financeScope } from "./scope";
import { payoutSchema } from "./schemas";
import { idSchema } from "@/lib/domain/id";
import { toFinancialObjectView } from "./view";

/**
 * Schedules a payout of an approved influencer invoice: a PAYOUT object (parent = the invoice, status
 * APPROVED = scheduled) for what is still owed, or a part of it. Marking it sent pays the invoice.
 */
export async function schedulePayout(ctx: AuthContext, influencerInvoiceId: string, raw: unknown) {
  const scope = financeScope(ctx, "finance.issue");
  if (!idSchema.safeParse(influencerInvoiceId).success) throw notFound("Influencer invoice");
  const input = payoutSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const invoice = await lockObject(tx, ctx, influencerInvoiceId, scope);
    if (invoice.type !== "INFLUENCER_INVOICE")
      throw new AppError("CONFLICT", "Payouts are scheduled for influencer invoices");
    if (invoice.status !== "APPROVED")
      throw new AppError(
        "CONFLICT",
        `Only an approved influencer invoice can be paid out (this one is ${invoice.status.toLowerCase()})`,
      );
    const open = await tx.financialObject.findMany({
      where: { parentId: invoice.id, type: "PAYOUT", status: { in: ["APPROVED", "PAID"] } },
      select: { total: true },
    });
    const owed = invoice.total.minus(sum(open.map((p) => p.total)));
    const amount = input.amount ? dec(input.amount) : owed;
    if (owed.lte(0)) throw new AppError("CONFLICT", "Everything owed on this invoice is already scheduled");
    if (amount.gt(owed))
      throw new AppError(
        "VALIDATION_FAILED",
        `Check amount: only ${money(owed)} ${invoice.currency} is left to schedule`,
        { fields: { amount: `At most ${money(owed)}` } },
      );
    const payout = await tx.financialObject.create({
      data: {
        agencyId: ctx.agencyId,
        campaignId: invoice.campaignId,
        clientId: invoice.clientId,
        type: "PAYOUT",
        status: "APPROVED",
        title: `Payout of ${invoice.externalRef ?? invoice.title}`,
        currency: invoice.currency,
        subtotal: amount,
        total: amount,
        influencerId: invoice.influencerId,
        assignmentId: invoice.assignmentId,
        parentId: invoice.id,
        scheduledFor: new Date(`${input.scheduledFor}T00:00:00Z`),
        createdById: ctx.userId,
      },
    });
    await writeAudit(tx, ctx, {
      action: "finance.payout.schedule",
      model: "FinancialObject",
      recordId: payout.id,
      display: `Payout of ${money(amount)} ${invoice.currency} on ${input.scheduledFor} for "${invoice.title}"`,
      parent: { model: "Campaign", id: invoice.campaignId },
      after: { parentId: invoice.id, total: money(amount), scheduledFor: input.scheduledFor },
    });
    return toFinancialObjectView(payout, ctx);
  });
}
