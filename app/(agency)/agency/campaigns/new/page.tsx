import type { Metadata } from "next";
import { CampaignWizard } from "@/components/campaigns/campaign-wizard";
import { Breadcrumb, EmptyState, PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { listCampaignOptions } from "@/lib/domain/campaigns/list-campaign-options";

export const metadata: Metadata = { title: "New campaign" };

export default async function NewCampaignPage() {
  const ctx = await requirePortal("agency");
  await requirePagePermission(ctx, "campaign.create");
  const options = await listCampaignOptions(ctx);
  return (
    <>
      <Breadcrumb parent={{ href: "/agency/campaigns", label: "Campaigns" }} current="New" />
      <PageHeader
        title="New campaign"
        description="Four short steps. Only the client and a name are required now; the campaign page lists what is still missing."
      />
      {options.clients.length === 0 ? (
        <EmptyState title="No clients yet">Create a client first: every campaign belongs to one.</EmptyState>
      ) : (
        <Card>
          <CardContent className="pt-5">
            <CampaignWizard options={{ ...options, me: ctx.userId }} />
          </CardContent>
        </Card>
      )}
    </>
  );
}
