import type { Metadata } from "next";
import { CampaignsHeader } from "@/components/campaigns/campaigns-header";
import { CampaignsList } from "@/components/campaigns/campaigns-list";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { listCampaignFilterOptions } from "@/lib/domain/campaigns/list-campaign-options";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage({
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
      <CampaignsHeader ctx={ctx} view="table" params={params} />
      <CampaignsList
        ctx={ctx}
        basePath="/agency/campaigns"
        searchParams={params}
        client={options.client}
        owners={options.owners}
      />
    </>
  );
}
