import type { Metadata } from "next";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { Breadcrumb, PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { orNotFound, requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { getCampaign } from "@/lib/domain/campaigns/get-campaign";
import { listCampaignOptions } from "@/lib/domain/campaigns/list-campaign-options";

export const metadata: Metadata = { title: "Edit campaign" };

export default async function EditCampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePortal("agency");
  await requirePagePermission(ctx, "campaign.update");
  const { id } = await params;
  const [campaign, options] = await Promise.all([orNotFound(getCampaign(ctx, id)), listCampaignOptions(ctx)]);
  const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
  return (
    <>
      <Breadcrumb parent={{ href: `/agency/campaigns/${campaign.id}`, label: campaign.name }} current="Edit" />
      <PageHeader
        title={`Edit ${campaign.name}`}
        description={`Version ${campaign.version}. If someone else saves first, you will be asked to reload.`}
      />
      <Card>
        <CardContent className="pt-5">
          <CampaignForm
            campaign={{
              id: campaign.id,
              version: campaign.version,
              name: campaign.name,
              objective: campaign.objective,
              brief: campaign.brief,
              platforms: campaign.platforms,
              startDate: day(campaign.startDate),
              endDate: day(campaign.endDate),
              plannedBudget: campaign.plannedBudget === null ? "" : String(campaign.plannedBudget),
              currency: campaign.currency,
              ownerId: campaign.owner.id,
              directorId: campaign.director?.id ?? null,
            }}
            owners={options.owners}
            directors={options.directors}
          />
        </CardContent>
      </Card>
    </>
  );
}
