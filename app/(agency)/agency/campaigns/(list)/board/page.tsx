import type { Metadata } from "next";
import Link from "next/link";
import { CampaignBoard } from "@/components/campaigns/campaign-board";
import { CampaignFilters } from "@/components/campaigns/campaign-filters";
import { sharedQuery, ViewToggle } from "@/components/campaigns/view-toggle";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { listCampaignOptions } from "@/lib/domain/campaigns/list-campaign-options";

export const metadata: Metadata = { title: "Campaign board" };

export default async function CampaignBoardPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requirePortal("agency");
  await requirePagePermission(ctx, "campaign.read");
  const params = await searchParams;
  const options = await listCampaignOptions(ctx);
  return (
    <>
      <PageHeader
        title="Campaign board"
        description="Campaigns by phase. Move a campaign on from its card; the status machine says where it may go."
        actions={
          <>
            <ViewToggle current="board" query={sharedQuery(params)} />
            {can(ctx, "campaign.create") ? (
              <Button asChild>
                <Link href="/agency/campaigns/new">New campaign</Link>
              </Button>
            ) : null}
          </>
        }
      />
      <div className="mb-4">
        <CampaignFilters action="/agency/campaigns/board" params={params} clients={options.clients} owners={options.owners} withStatus={false} />
      </div>
      <CampaignBoard ctx={ctx} searchParams={params} />
    </>
  );
}
