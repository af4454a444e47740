import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { writeAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { campaignScope } from "@/lib/domain/campaigns/scope";
import { linesInclude, lineRows, totalsOfInput, writeRevision } from "./internal";
import { money } from "./money";
import { createFinancialObjectSchema, TYPE_LABELS } from "./schemas";
import { toFinancialObjectView } from "./view";

/**
 * Creates a budget, quote, purchase order, expense or invoice (as DRAFT, revision 1 with its snapshot) on a
 * campaign the caller manages. Influencer invoices name an influencer on the campaign.
 */
export async function createFinancialObject(ctx: AuthContext, raw: unknown) {
  const scope = campaignScope(ctx, "finance.manage");
  const input = createFinancialObjectSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const campaign = await tx.campaign.findFirst({
      where: { AND: [scope, { id: input.campaignId }] },
      select: { id: true, name: true, clientId: true, currency: true },
    });
    if (!campaign) throw notFound("Campaign");
    let assignmentId: string | null = null;
    if (input.type === "INFLUENCER_INVOICE") {
      if (!input.influencerId)
        throw new AppError("VALIDATION_FAILED", "Check influencerId: choose the influencer who sent the invoice", {
          fields: { influencerId: "Choose the influencer" },
        });
      const assignment = await tx.campaignInfluencer.findFirst({
        where: { agencyId: ctx.agencyId, campaignId: campaign.id, influencerId: input.influencerId },
        select: { id: true },
      });
      if (!assignment)
        throw new AppError("VALIDATION_FAILED", "Check influencerId: this influencer is not on the campaign", {
          fields: { influencerId: "Not on this campaign" },
        });
      assignmentId = assignment.id;
    } else if (input.influencerId) {
      throw new AppError("VALIDATION_FAILED", "Check influencerId: only influencer invoices name an influencer", {
        fields: { influencerId: "Only for influencer invoices" },
      });
    }
    const totals = totalsOfInput(input.lines);
    const created = await tx.financialObject.create({
      data: {
        agencyId: ctx.agencyId,
        campaignId: campaign.id,
        clientId: campaign.clientId,
        type: input.type,
        title: input.title,
        currency: input.currency ?? campaign.currency,
        subtotal: totals.subtotal,
        taxAmount: totals.taxAmount,
        total: totals.total,
        influencerId: input.influencerId,
        assignmentId,
        externalRef: input.externalRef,
        internalNotes: input.internalNotes,
        dueDate: input.dueDate ? new Date(`${input.dueDate}T00:00:00Z`) : null,
        createdById: ctx.userId,
        lines: { create: lineRows(ctx.agencyId, input.lines) },
      },
      include: linesInclude,
    });
    await writeRevision(tx, ctx, created, "Created");
    await writeAudit(tx, ctx, {
      action: "finance.create",
      model: "FinancialObject",
      recordId: created.id,
      display: `${TYPE_LABELS[created.type]} "${created.title}" of ${campaign.name}`,
      parent: { model: "Campaign", id: campaign.id },
      after: {
        type: created.type,
        title: created.title,
        currency: created.currency,
        total: money(created.total),
        lines: created.lines.length,
      },
    });
    return toFinancialObjectView(created, ctx);
  });
}
