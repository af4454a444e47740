import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { campaignScope } from "@/lib/domain/campaigns/scope";
import { findScopedInfluencer } from "./scope";

/**
 * Fees agreed with the influencer on past campaigns, newest first (written when a fee is agreed on a
 * campaign). The fee is history for negotiating; the campaign's name shows only where the caller sees it.
 */
export async function listPricingHistory(ctx: AuthContext, influencerId: string) {
  const profile = await findScopedInfluencer(db, ctx, influencerId, "influencer.read");
  const rows = await db.pricingHistory.findMany({
    where: { agencyId: ctx.agencyId, influencerId: profile.id },
    orderBy: [{ agreedAt: "desc" }, { id: "asc" }],
    take: 200,
  });
  const ids = [...new Set(rows.map((r) => r.campaignId))];
  const campaigns =
    ids.length && can(ctx, "campaign.read")
      ? await db.campaign.findMany({
          where: { AND: [campaignScope(ctx, "campaign.read"), { id: { in: ids } }] },
          select: { id: true, name: true },
        })
      : [];
  const names = new Map(campaigns.map((c) => [c.id, c.name]));
  return rows.map((row) => ({
    id: row.id,
    campaignId: names.has(row.campaignId) ? row.campaignId : null,
    campaignName: names.get(row.campaignId) ?? null,
    deliverableType: row.deliverableType,
    fee: row.fee.toFixed(2),
    currency: row.currency,
    agreedAt: row.agreedAt,
  }));
}
