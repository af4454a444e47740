import type { Metadata } from "next";
import { InfluencerStatusBadge, ProfileTypeBadge } from "@/components/influencers/influencer-badges";
import { ProfileActions } from "@/components/influencers/profile-actions";
import { CampaignsCard, PricingHistoryCard, ProfileSummary } from "@/components/influencers/profile-summary";
import { RateCardsPanel } from "@/components/influencers/rate-cards-panel";
import { SocialsPanel } from "@/components/influencers/socials-panel";
import { Breadcrumb, PageHeader } from "@/components/shell/page-header";
import { orNotFound, requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { getInfluencer } from "@/lib/domain/influencers/get-influencer";
import { formatDateTime } from "@/lib/utils";

export const metadata: Metadata = { title: "Influencer" };

export default async function InfluencerPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePortal("agency");
  await requirePagePermission(ctx, "influencer.read");
  const { id } = await params;
  const profile = await orNotFound(getInfluencer(ctx, id));
  const editable = can(ctx, "influencer.manage");
  return (
    <>
      <Breadcrumb parent={{ href: "/agency/influencers", label: "Influencers" }} current={profile.displayName} />
      <PageHeader
        title={profile.displayName}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <ProfileTypeBadge profileType={profile.profileType} />
            <InfluencerStatusBadge status={profile.status} />
            <span>Updated {formatDateTime(profile.updatedAt)}</span>
          </span>
        }
      />
      {editable ? (
        <div className="mb-6">
          <ProfileActions
            status={profile.status}
            profile={{
              id: profile.id,
              version: profile.version,
              profileType: profile.profileType,
              displayName: profile.displayName,
              legalName: profile.legalName,
              email: profile.email,
              phone: profile.phone,
              country: profile.country,
              city: profile.city,
              languages: profile.languages,
              niches: profile.niches,
              tags: profile.tags,
              bio: profile.bio,
              paymentDetailsLast4: profile.paymentDetailsLast4,
            }}
          />
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <div className="grid content-start gap-6">
          {/* The client panels get the fields they show and edit, not the whole rows (ids of the tenant, times). */}
          <SocialsPanel
            influencerId={profile.id}
            socials={profile.socialAccounts.map(
              ({ id, platform, handle, url, followers, engagementRate, avgViews, verified }) => ({
                id,
                platform,
                handle,
                url,
                followers,
                engagementRate,
                avgViews,
                verified,
              }),
            )}
            editable={editable}
          />
          <RateCardsPanel
            influencerId={profile.id}
            cards={profile.rateCards.map(({ id, platform, deliverableType, fee, currency }) => ({
              id,
              platform,
              deliverableType,
              fee,
              currency,
            }))}
            editable={editable}
          />
          <PricingHistoryCard rows={profile.pricingHistory} />
        </div>
        <div className="grid content-start gap-6">
          <ProfileSummary profile={profile} />
          <CampaignsCard rows={profile.campaigns} />
        </div>
      </div>
    </>
  );
}
