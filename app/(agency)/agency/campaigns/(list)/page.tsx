import type { Metadata } from "next";
import Link from "next/link";
import { CampaignsList } from "@/components/campaigns/campaigns-list";
import { sharedQuery, ViewToggle } from "@/components/campaigns/view-toggle";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { listCampaignOptions } from "@/lib/domain/campaigns/list-campaign-options";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const ctx = await requirePortal("agency");
  await requirePagePermission(ctx, "campaign.read");
  const params = await searchParams;
  const options = await listCampaignOptions(ctx);
  return (
    <>
      <PageHeader
        title="Campaigns"
        description="Every campaign you run or direct, from draft to closing."
        actions={
          <>
            <ViewToggle current="table" query={sharedQuery(params)} />
            {can(ctx, "campaign.create") ? (
              <Button asChild>
                <Link href="/agency/campaigns/new">New campaign</Link>
              </Button>
            ) : null}
          </>
        }
      />
      <CampaignsList ctx={ctx} basePath="/agency/campaigns" searchParams={params} clients={options.clients} owners={options.owners} />
    </>
  );
}
