import type { Metadata } from "next";
import { CampaignFinanceSections } from "@/components/finance/campaign-finance-sections";
import { CampaignStatusBadge, RiskBadge } from "@/components/campaigns/campaign-badges";
import { CampaignHistory } from "@/components/campaigns/campaign-history";
import { CampaignOverview } from "@/components/campaigns/campaign-overview";
import { Breadcrumb, PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { orNotFound, requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { getCampaign } from "@/lib/domain/campaigns/get-campaign";
import { getCampaignFinanceSummary } from "@/lib/domain/finance/get-campaign-finance-summary";
import { listFinancialObjects } from "@/lib/domain/finance/list-financial-objects";

export const metadata: Metadata = { title: "Campaign" };

// Finance reads campaign headers; it does not edit or move them. Below: the campaign's money.
export default async function FinanceCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePortal("finance");
  await requirePagePermission(ctx, "campaign.read");
  const campaign = await orNotFound(getCampaign(ctx, (await params).id));
  const finance = can(ctx, "finance.read");
  const [summary, objects] = finance
    ? await Promise.all([
        getCampaignFinanceSummary(ctx, campaign.id),
        listFinancialObjects(ctx, { campaignId: campaign.id, take: 100 }),
      ])
    : [null, null];
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
        actions={
          finance ? (
            <Button asChild variant="outline">
              <a href={`/api/finance/objects/export.csv?campaignId=${campaign.id}`} download>
                Export CSV
              </a>
            </Button>
          ) : null
        }
      />
      <div className="grid gap-6 *:min-w-0">
        {summary && objects ? (
          <CampaignFinanceSections
            campaignName={campaign.name}
            summary={summary.currencies}
            rows={objects.items}
            basePath="/finance/objects"
            empty="The campaign manager creates the budget, quotes and orders on the campaign."
          />
        ) : null}
        <div className="grid gap-6 lg:grid-cols-[2fr_1fr] *:min-w-0">
          <CampaignOverview campaign={campaign} internal />
          <CampaignHistory history={campaign.history} />
        </div>
      </div>
    </>
  );
}
