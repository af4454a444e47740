import "server-only";
import { db, type Tx } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { writeAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { lockObject } from "./internal";
import { dec, money } from "./money";
import { financeScope } from "./scope";
import { paymentSchema } from "./schemas";
import { idSchema } from "@/lib/domain/id";
import { toFinancialObjectView } from "./view";

/**
 * Sets an invoice's paidAmount to the SQL sum of its live children (payments of a client invoice, sent
 * payouts of an influencer invoice) and its status to PAID when fully paid, back to `openStatus` otherwise.
 */
export async function recomputePaid(
  tx: Tx,
  invoiceId: string,
  childType: "PAYMENT" | "PAYOUT",
  openStatus: "ISSUED" | "APPROVED",
) {
  await tx.$executeRaw`
    UPDATE "FinancialObject" f SET
      "paidAmount" = s.paid,
      "status" = CASE WHEN s.paid >= f."total" AND f."total" > 0 THEN 'PAID'::"FinancialStatus" ELSE ${openStatus}::"FinancialStatus" END,
      "paidAt" = CASE WHEN s.paid >= f."total" AND f."total" > 0 THEN s.last ELSE NULL END,
      "version" = f."version" + 1, "updatedAt" = now()
    FROM (SELECT COALESCE(SUM(c."total"), 0) AS paid, MAX(c."paidAt") AS last FROM "FinancialObject" c
          WHERE c."parentId" = ${invoiceId}::uuid AND c."type" = ${childType}::"FinancialObjectType" AND c."status" = 'PAID') s
    WHERE f.id = ${invoiceId}::uuid`;
}

/** Records a (partial) payment of an issued client invoice; an overpayment is refused. */
export async function recordPayment(ctx: AuthContext, invoiceId: string, raw: unknown) {
  const scope = financeScope(ctx, "finance.issue");
  if (!idSchema.safeParse(invoiceId).success) throw notFound("Invoice");
  const input = paymentSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const invoice = await lockObject(tx, ctx, invoiceId, scope);
    if (invoice.type !== "CLIENT_INVOICE") throw new AppError("CONFLICT", "Payments are recorded on client invoices");
    if (invoice.status !== "ISSUED")
      throw new AppError(
        "CONFLICT",
        invoice.status === "PAID"
          ? "This invoice is already paid in full"
          : `Only an issued invoice takes payments (this one is ${invoice.status.toLowerCase()})`,
      );
    const outstanding = invoice.total.minus(invoice.paidAmount);
    const amount = dec(input.amount);
    if (amount.gt(outstanding)) {
      throw new AppError(
        "VALIDATION_FAILED",
        `Check amount: only ${money(outstanding)} ${invoice.currency} is outstanding`,
        { fields: { amount: `At most ${money(outstanding)}` } },
      );
    }
    const paidAt = new Date(`${input.paidAt}T12:00:00Z`);
    const payment = await tx.financialObject.create({
      data: {
        agencyId: ctx.agencyId,
        campaignId: invoice.campaignId,
        clientId: invoice.clientId,
        type: "PAYMENT",
        status: "PAID",
        title: `Payment of ${invoice.number ?? invoice.title}`,
        currency: invoice.currency,
        subtotal: amount,
        total: amount,
        paidAmount: amount,
        parentId: invoice.id,
        externalRef: input.reference,
        paidAt,
        createdById: ctx.userId,
      },
    });
    await recomputePaid(tx, invoice.id, "PAYMENT", "ISSUED");
    const after = await tx.financialObject.findUniqueOrThrow({
      where: { id: invoice.id },
      include: { lines: { orderBy: { position: "asc" } } },
    });
    await writeAudit(tx, ctx, {
      action: "finance.pay",
      model: "FinancialObject",
      recordId: invoice.id,
      display: `Payment of ${money(amount)} ${invoice.currency} on ${invoice.number}`,
      parent: { model: "Campaign", id: invoice.campaignId },
      before: { status: invoice.status, paidAmount: money(invoice.paidAmount) },
      after: {
        status: after.status,
        paidAmount: money(after.paidAmount),
        paymentId: payment.id,
        reference: input.reference,
      },
    });
    return { invoice: toFinancialObjectView(after, ctx), payment: toFinancialObjectView(payment, ctx) };
  });
}
