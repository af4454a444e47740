import type { Metadata } from "next";
import { CampaignsList } from "@/components/campaigns/campaigns-list";
import { PageHeader } from "@/components/shell/page-header";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { listCampaignFilterOptions } from "@/lib/domain/campaigns/list-campaign-options";

export const metadata: Metadata = { title: "Campaigns" };

export default async function FinanceCampaignsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const ctx = await requirePortal("finance");
  await requirePagePermission(ctx, "campaign.read");
  const params = await searchParams;
  const options = await listCampaignFilterOptions(ctx, params.clientId);
  return (
    <>
      <PageHeader title="Campaigns" description="Campaign headers, read-only." />
      <CampaignsList
        ctx={ctx}
        basePath="/finance/campaigns"
        searchParams={params}
        client={options.client}
        owners={options.owners}
      />
    </>
  );
}
