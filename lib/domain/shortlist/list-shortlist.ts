import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { notFound } from "@/lib/errors";
import { campaignScope } from "@/lib/domain/campaigns/scope";
import { idSchema } from "@/lib/domain/id";

/**
 * A campaign's influencers with their proposed fees, rate cards and pricing history (fees agreed on earlier
 * campaigns), for the shortlist builder. Staff only: the client reads the shortlist through its approval.
 */
export async function listShortlist(ctx: AuthContext, campaignId: string) {
  if (!idSchema.safeParse(campaignId).success) throw notFound("Campaign");
  const campaign = await db.campaign.findFirst({
    where: { AND: [campaignScope(ctx, "campaign.read"), { id: campaignId }] },
    select: {
      id: true,
      name: true,
      status: true,
      currency: true,
      platforms: true,
      shortlistRevision: true,
      briefRevision: true,
      brief: true,
    },
  });
  if (!campaign) throw notFound("Campaign");
  const lines = await db.campaignInfluencer.findMany({
    where: { agencyId: ctx.agencyId, campaignId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: {
      influencer: {
        select: {
          id: true,
          displayName: true,
          profileType: true,
          status: true,
          totalFollowers: true,
          socialAccounts: { select: { platform: true, handle: true, followers: true }, orderBy: { followers: "desc" } },
          rateCards: {
            select: { platform: true, deliverableType: true, fee: true, currency: true },
            orderBy: { fee: "asc" },
          },
        },
      },
    },
  });
  const influencerIds = lines.map((l) => l.influencerId);
  const history = influencerIds.length
    ? await db.pricingHistory.findMany({
        where: { agencyId: ctx.agencyId, influencerId: { in: influencerIds } },
        orderBy: [{ agreedAt: "desc" }, { id: "desc" }],
        take: 500,
      })
    : [];
  const campaignNames = new Map(
    // A past campaign's name only where the caller sees that campaign; the fee shows either way.
    (
      await db.campaign.findMany({
        where: {
          AND: [campaignScope(ctx, "campaign.read"), { id: { in: [...new Set(history.map((h) => h.campaignId))] } }],
        },
        select: { id: true, name: true },
      })
    ).map((c) => [c.id, c.name]),
  );
  return {
    campaign,
    lines: lines.map((line) => ({
      ...line,
      pricingHistory: history
        .filter((h) => h.influencerId === line.influencerId)
        .slice(0, 10)
        .map((h) => ({
          id: h.id,
          campaignId: campaignNames.has(h.campaignId) ? h.campaignId : null,
          campaignName: campaignNames.get(h.campaignId) ?? null,
          fee: h.fee.toFixed(2),
          currency: h.currency,
          deliverableType: h.deliverableType,
          agreedAt: h.agreedAt,
        })),
    })),
  };
}
export type ShortlistView = Awaited<ReturnType<typeof listShortlist>>;
