import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { campaignScope } from "@/lib/domain/campaigns/scope";
import { toInfluencerView } from "./influencer-view";
import { rateCardView } from "./rate-cards";
import { findScopedInfluencer } from "./scope";
import { listPricingHistory } from "./list-pricing-history";

/** One profile with its socials, rate cards, pricing history and the campaigns (the caller may see) it is on. */
export async function getInfluencer(ctx: AuthContext, id: string) {
  const profile = await findScopedInfluencer(db, ctx, id, "influencer.read");
  const [socials, rateCards, pricing, assignments] = await Promise.all([
    db.socialAccount.findMany({
      where: { agencyId: ctx.agencyId, influencerId: profile.id },
      orderBy: [{ followers: "desc" }, { id: "asc" }],
    }),
    db.rateCard.findMany({
      where: { agencyId: ctx.agencyId, influencerId: profile.id },
      orderBy: [{ platform: "asc" }, { deliverableType: "asc" }],
    }),
    listPricingHistory(ctx, profile.id),
    can(ctx, "campaign.read")
      ? db.campaignInfluencer.findMany({
          where: { agencyId: ctx.agencyId, influencerId: profile.id, campaign: campaignScope(ctx, "campaign.read") },
          orderBy: { createdAt: "desc" },
          take: 100,
          select: {
            id: true,
            status: true,
            proposedFee: true,
            agreedFee: true,
            currency: true,
            campaign: { select: { id: true, name: true, status: true, startDate: true, endDate: true } },
          },
        })
      : Promise.resolve([]),
  ]);
  return {
    ...toInfluencerView(profile),
    socialAccounts: socials.map(({ tokens, ...rest }) => ({
      ...rest,
      engagementRate: rest.engagementRate?.toFixed(3) ?? null,
      hasTokens: tokens !== null,
    })),
    rateCards: rateCards.map(rateCardView),
    pricingHistory: pricing,
    campaigns: assignments.map((a) => ({
      ...a,
      proposedFee: a.proposedFee?.toFixed(2) ?? null,
      agreedFee: a.agreedFee?.toFixed(2) ?? null,
    })),
  };
}

export type InfluencerDetail = Awaited<ReturnType<typeof getInfluencer>>;
