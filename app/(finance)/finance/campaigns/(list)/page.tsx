import type { Metadata } from "next";
import { CampaignsList } from "@/components/campaigns/campaigns-list";
import { PageHeader } from "@/components/shell/page-header";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { listCampaignOptions } from "@/lib/domain/campaigns/list-campaign-options";

export const metadata: Metadata = { title: "Campaigns" };

export default async function FinanceCampaignsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const ctx = await requirePortal("finance");
  await requirePagePermission(ctx, "campaign.read");
  const options = await listCampaignOptions(ctx);
  return (
    <>
      <PageHeader title="Campaigns" description="Campaign headers, read-only." />
      <CampaignsList
        ctx={ctx}
        basePath="/finance/campaigns"
        searchParams={await searchParams}
        clients={options.clients}
        owners={options.owners}
      />
    </>
  );
}
