import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { AssignmentStatus } from "@/lib/generated/prisma/enums";
import { dec, roundedMoney } from "@/lib/domain/finance/money";

// What an influencer sees of their money (DESIGN.md "Creator side", data safety): rounded aggregates and
// trends only. These types are the whole response: no invoice numbers, no payment dates, no negotiation or
// agent notes, no exact amounts, nothing of other influencers. Every value is built here field by field.

/** A rounded amount with its currency, e.g. { currency: "GBP", value: "£48K" }. */
export type RoundedAmount = { currency: string; value: string };

export type CreatorDeal = {
  /** The campaign's name. */
  name: string;
  /** The client's (brand's) name. */
  brand: string;
  status: "Offer" | "Accepted" | "Contracted" | "In progress" | "Completed" | "Declined";
  value: RoundedAmount | null;
  nextAction: string;
};

export type CreatorRevenueSummary = {
  /** Paid out to the creator so far, per currency. */
  earned: RoundedAmount[];
  /** Approved and agreed but not paid yet, per currency. */
  upcoming: RoundedAmount[];
  /** The last 12 months, oldest first: what was paid out in each month, per currency. */
  trend: { month: string; amounts: RoundedAmount[] }[];
  deals: CreatorDeal[];
};

const DEAL_STATUSES: Partial<Record<AssignmentStatus, CreatorDeal["status"]>> = {
  OFFERED: "Offer",
  ACCEPTED: "Accepted",
  DECLINED: "Declined",
  CONTRACTED: "Contracted",
  ACTIVE: "In progress",
  COMPLETED: "Completed",
};

function nextAction(status: AssignmentStatus, invoice: string | null): string {
  switch (status) {
    case "OFFERED":
      return "Reply to the offer";
    case "ACCEPTED":
      return "Sign the contract";
    case "CONTRACTED":
    case "ACTIVE":
      return "Deliver your content";
    case "COMPLETED":
      if (!invoice || invoice === "REJECTED" || invoice === "VOID") return "Send your invoice";
      if (invoice === "PAID") return "Nothing to do: paid";
      return "Payment on its way";
    default:
      return "Nothing to do";
  }
}

const rounded = (rows: { currency: string; amount: string }[]): RoundedAmount[] =>
  rows
    .filter((r) => !dec(r.amount).isZero())
    .map((r) => ({ currency: r.currency, value: roundedMoney(r.amount, r.currency) }));

/** The signed-in creator's own revenue summary; a user without a creator profile gets an empty one. */
export async function getCreatorRevenueSummary(ctx: AuthContext): Promise<CreatorRevenueSummary> {
  if (!can(ctx, "creator.self")) throw new AppError("FORBIDDEN", "You do not have permission to do this");
  const profile = await db.influencerProfile.findFirst({
    where: { agencyId: ctx.agencyId, userId: ctx.userId },
    select: { id: true },
  });
  if (!profile) return { earned: [], upcoming: [], trend: [], deals: [] };
  const influencerId = profile.id;
  const [earned, upcoming, trend, deals] = await Promise.all([
    db.$queryRaw<{ currency: string; amount: string }[]>`
      SELECT currency, sum(total)::text AS amount FROM "FinancialObject"
      WHERE "agencyId" = ${ctx.agencyId}::uuid AND "influencerId" = ${influencerId}::uuid AND type = 'PAYOUT' AND status = 'PAID'
      GROUP BY currency ORDER BY currency`,
    db.$queryRaw<{ currency: string; amount: string }[]>`
      SELECT currency, sum(amount)::text AS amount FROM (
        SELECT f.currency, f.total - f."paidAmount" AS amount FROM "FinancialObject" f
        WHERE f."agencyId" = ${ctx.agencyId}::uuid AND f."influencerId" = ${influencerId}::uuid AND f.type = 'INFLUENCER_INVOICE' AND f.status IN ('SUBMITTED', 'APPROVED')
        UNION ALL
        SELECT ci.currency, ci."agreedFee" FROM "CampaignInfluencer" ci
        WHERE ci."agencyId" = ${ctx.agencyId}::uuid AND ci."influencerId" = ${influencerId}::uuid AND ci."agreedFee" IS NOT NULL
          AND ci.status IN ('ACCEPTED', 'CONTRACTED', 'ACTIVE', 'COMPLETED')
          AND NOT EXISTS (SELECT 1 FROM "FinancialObject" x WHERE x."assignmentId" = ci.id AND x.type = 'INFLUENCER_INVOICE' AND x.status NOT IN ('VOID', 'REJECTED'))
      ) u GROUP BY currency ORDER BY currency`,
    db.$queryRaw<{ month: string; currency: string; amount: string }[]>`
      SELECT to_char(date_trunc('month', "paidAt"), 'YYYY-MM') AS month, currency, sum(total)::text AS amount FROM "FinancialObject"
      WHERE "agencyId" = ${ctx.agencyId}::uuid AND "influencerId" = ${influencerId}::uuid AND type = 'PAYOUT' AND status = 'PAID'
        AND "paidAt" >= date_trunc('month', now()) - interval '11 months'
      GROUP BY 1, 2 ORDER BY 1, 2`,
    db.campaignInfluencer.findMany({
      where: { agencyId: ctx.agencyId, influencerId, status: { in: Object.keys(DEAL_STATUSES) as AssignmentStatus[] } },
      orderBy: { updatedAt: "desc" },
      take: 50,
      select: {
        id: true,
        status: true,
        agreedFee: true,
        proposedFee: true,
        currency: true,
        campaign: { select: { name: true, client: { select: { name: true } } } },
      },
    }),
  ]);
  const invoices = deals.length
    ? await db.financialObject.findMany({
        where: {
          agencyId: ctx.agencyId,
          influencerId,
          type: "INFLUENCER_INVOICE",
          assignmentId: { in: deals.map((d) => d.id) },
          status: { not: "VOID" },
        },
        orderBy: { createdAt: "asc" },
        select: { assignmentId: true, status: true },
      })
    : [];
  const invoiceOf = new Map(invoices.map((i) => [i.assignmentId, i.status as string]));
  const now = new Date();
  const months = Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11 + i, 1));
    return d.toISOString().slice(0, 7);
  });
  return {
    earned: rounded(earned),
    upcoming: rounded(upcoming),
    trend: months.map((month) => ({ month, amounts: rounded(trend.filter((t) => t.month === month)) })),
    deals: deals.map((d): CreatorDeal => {
      const fee = d.agreedFee ?? d.proposedFee;
      return {
        name: d.campaign.name,
        brand: d.campaign.client.name,
        status: DEAL_STATUSES[d.status]!,
        value: fee ? { currency: d.currency, value: roundedMoney(fee, d.currency) } : null,
        nextAction: nextAction(d.status, invoiceOf.get(d.id) ?? null),
      };
    }),
  };
}
