import type { Metadata } from "next";
import Link from "next/link";
import { CampaignFinanceSections } from "@/components/finance/campaign-finance-sections";
import { CreateFinancialObjectForm } from "@/components/finance/object-form";
import { CampaignStatusBadge } from "@/components/campaigns/campaign-badges";
import { Breadcrumb, PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { orNotFound, requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { getCampaign } from "@/lib/domain/campaigns/get-campaign";
import { getCampaignFinanceSummary } from "@/lib/domain/finance/get-campaign-finance-summary";
import { listFinancialObjects } from "@/lib/domain/finance/list-financial-objects";

export const metadata: Metadata = { title: "Campaign finance" };

// Not under a loading.tsx: a campaign of another agency must answer 404.
export default async function CampaignFinancePage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePortal("agency");
  await requirePagePermission(ctx, "finance.read");
  const { id } = await params;
  const campaign = await orNotFound(getCampaign(ctx, id));
  const [summary, objects] = await Promise.all([
    orNotFound(getCampaignFinanceSummary(ctx, id)),
    listFinancialObjects(ctx, { campaignId: id, take: 100 }),
  ]);
  const rows = objects.items;
  return (
    <>
      <Breadcrumb parent={{ href: `/agency/campaigns/${campaign.id}`, label: campaign.name }} current="Finance" />
      <PageHeader
        title={`Finance — ${campaign.name}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <CampaignStatusBadge status={campaign.status} /> <span>{campaign.client.name}</span>
          </span>
        }
        actions={
          <Button asChild variant="outline">
            <a href={`/api/finance/objects/export.csv?campaignId=${campaign.id}`} download>
              Export CSV
            </a>
          </Button>
        }
      />
      <div className="grid gap-6 *:min-w-0">
        <CampaignFinanceSections
          campaignName={campaign.name}
          summary={summary.currencies}
          rows={rows}
          basePath="/agency/finance"
          empty="Start with the budget below: one line per category."
        />
        {can(ctx, "finance.manage") ? (
          <Card>
            <CardHeader>
              <CardTitle>New budget, quote, order, expense or invoice</CardTitle>
            </CardHeader>
            <CardContent>
              <CreateFinancialObjectForm
                campaignId={campaign.id}
                defaultCurrency={campaign.currency}
                objectPath="/agency/finance"
              />
            </CardContent>
          </Card>
        ) : null}
        <p className="text-sm">
          <Link href={`/agency/campaigns/${campaign.id}`} className="underline-offset-4 hover:underline">
            Back to the campaign
          </Link>
        </p>
      </div>
    </>
  );
}
