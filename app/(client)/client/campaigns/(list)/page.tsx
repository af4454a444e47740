import type { Metadata } from "next";
import { CampaignsList } from "@/components/campaigns/campaigns-list";
import { PageHeader } from "@/components/shell/page-header";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Campaigns" };

// campaignScope limits a client user to their own client's campaigns.
export default async function ClientCampaignsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const ctx = await requirePortal("client");
  await requirePagePermission(ctx, "campaign.read");
  return (
    <>
      <PageHeader title="Campaigns" description="The campaigns the agency runs for you." />
      <CampaignsList ctx={ctx} basePath="/client/campaigns" searchParams={await searchParams} internal={false} />
    </>
  );
}
