import type { Metadata } from "next";
import { CampaignStatusBadge, RiskBadge } from "@/components/campaigns/campaign-badges";
import { CampaignHistory } from "@/components/campaigns/campaign-history";
import { CampaignOverview } from "@/components/campaigns/campaign-overview";
import { Breadcrumb, PageHeader } from "@/components/shell/page-header";
import { orNotFound, requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { getCampaign } from "@/lib/domain/campaigns/get-campaign";

export const metadata: Metadata = { title: "Campaign" };

// Finance reads campaign headers; it does not edit or move them.
export default async function FinanceCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePortal("finance");
  await requirePagePermission(ctx, "campaign.read");
  const campaign = await orNotFound(getCampaign(ctx, (await params).id));
  return (
    <>
      <Breadcrumb parent={{ href: "/finance/campaigns", label: "Campaigns" }} current={campaign.name} />
      <PageHeader
        title={campaign.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <CampaignStatusBadge status={campaign.status} />
            {campaign.riskLevel ? <RiskBadge level={campaign.riskLevel} /> : null}
          </span>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <CampaignOverview campaign={campaign} internal />
        <CampaignHistory history={campaign.history} />
      </div>
    </>
  );
}
