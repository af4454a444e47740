import type { Metadata } from "next";
import { CampaignBoard } from "@/components/campaigns/campaign-board";
import { CampaignFilters } from "@/components/campaigns/campaign-filters";
import { CampaignsHeader } from "@/components/campaigns/campaigns-header";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { listCampaignFilterOptions } from "@/lib/domain/campaigns/list-campaign-options";

export const metadata: Metadata = { title: "Campaign board" };

export default async function CampaignBoardPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const ctx = await requirePortal("agency");
  await requirePagePermission(ctx, "campaign.read");
  const params = await searchParams;
  const options = await listCampaignFilterOptions(ctx, params.clientId);
  return (
    <>
      <CampaignsHeader ctx={ctx} view="board" params={params} />
      <div className="mb-4">
        <CampaignFilters
          action="/agency/campaigns/board"
          params={params}
          client={options.client}
          owners={options.owners}
          withStatus={false}
        />
      </div>
      <CampaignBoard ctx={ctx} searchParams={params} />
    </>
  );
}
