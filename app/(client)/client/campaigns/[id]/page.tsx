import type { Metadata } from "next";
import { CampaignStatusBadge } from "@/components/campaigns/campaign-badges";
import { CampaignBrief } from "@/components/campaigns/campaign-brief";
import { CampaignOverview } from "@/components/campaigns/campaign-overview";
import { Breadcrumb, PageHeader } from "@/components/shell/page-header";
import { orNotFound, requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { getCampaign } from "@/lib/domain/campaigns/get-campaign";

export const metadata: Metadata = { title: "Campaign" };

// Read-only for the client: status, dates, brief. Another client's campaign is simply not found.
export default async function ClientCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePortal("client");
  await requirePagePermission(ctx, "campaign.read");
  const campaign = await orNotFound(getCampaign(ctx, (await params).id));
  return (
    <>
      <Breadcrumb parent={{ href: "/client/campaigns", label: "Campaigns" }} current={campaign.name} />
      <PageHeader title={campaign.name} description={<CampaignStatusBadge status={campaign.status} />} />
      <div className="grid gap-6">
        <CampaignOverview campaign={campaign} internal={false} />
        <CampaignBrief campaign={campaign} showRevisions={false} />
        {/* Slot: approvals addressed to the client for this campaign render here. */}
        <section id="approvals" aria-label="Approvals" className="empty:hidden" />
      </div>
    </>
  );
}
