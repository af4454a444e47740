import type { Metadata } from "next";
import Link from "next/link";
import { CampaignApprovalsSection } from "@/components/approvals/campaign-approvals-section";
import { CampaignStatusBadge, RiskBadge } from "@/components/campaigns/campaign-badges";
import { CampaignBrief } from "@/components/campaigns/campaign-brief";
import { CampaignHistory } from "@/components/campaigns/campaign-history";
import { CampaignOverview } from "@/components/campaigns/campaign-overview";
import { MoveTo } from "@/components/campaigns/move-to";
import { Breadcrumb, PageHeader } from "@/components/shell/page-header";
import { ShortlistSection } from "@/components/shortlist/shortlist-section";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { orNotFound, requirePagePermission, requirePortal } from "@/lib/auth/guards";
import { can } from "@/lib/auth/permissions";
import { getCampaign } from "@/lib/domain/campaigns/get-campaign";
import { getCampaignTransitions } from "@/lib/domain/campaigns/get-campaign-transitions";

export const metadata: Metadata = { title: "Campaign" };

// Composed of section components so that the shortlist and approvals work can slot in without editing the rest.
export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePortal("agency");
  await requirePagePermission(ctx, "campaign.read");
  const { id } = await params;
  const [campaign, transitions] = await Promise.all([
    orNotFound(getCampaign(ctx, id)),
    orNotFound(getCampaignTransitions(ctx, id)),
  ]);
  const moves = transitions.moves.map((m) => ({
    to: m.to,
    label: m.label,
    allowed: m.allowed,
    reason: m.refusal?.message ?? null,
  }));
  return (
    <>
      <Breadcrumb parent={{ href: "/agency/campaigns", label: "Campaigns" }} current={campaign.name} />
      <PageHeader
        title={campaign.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <CampaignStatusBadge status={campaign.status} />
            {campaign.riskLevel ? <RiskBadge level={campaign.riskLevel} /> : null}
            <span>{campaign.client.name}</span>
            <span>· version {campaign.version}</span>
          </span>
        }
        actions={
          can(ctx, "campaign.update") ? (
            <Button asChild variant="outline">
              <Link href={`/agency/campaigns/${campaign.id}/edit`}>Edit</Link>
            </Button>
          ) : null
        }
      />
      <nav aria-label="Sections" className="mb-4 flex flex-wrap gap-3 text-sm">
        {["Overview", "Brief", "Shortlist", "Approvals", "History"].map((label) => (
          <a
            key={label}
            href={`#${label.toLowerCase()}`}
            className="text-muted-foreground underline-offset-4 hover:text-foreground hover:underline"
          >
            {label}
          </a>
        ))}
        {can(ctx, "content.read") ? (
          <Link
            href={`/agency/campaigns/${campaign.id}/content`}
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            Content
          </Link>
        ) : null}
        {can(ctx, "finance.read") ? (
          <Link
            href={`/agency/campaigns/${campaign.id}/finance`}
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            Finance
          </Link>
        ) : null}
      </nav>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="grid min-w-0 content-start gap-6">
          <CampaignOverview campaign={campaign} internal />
          <CampaignBrief campaign={campaign} showRevisions />
          <ShortlistSection ctx={ctx} campaignId={campaign.id} />
          <CampaignApprovalsSection ctx={ctx} campaignId={campaign.id} />
        </div>
        <div className="grid content-start gap-6">
          {can(ctx, "campaign.transition") ? (
            <Card>
              <CardHeader>
                <CardTitle>Status</CardTitle>
              </CardHeader>
              <CardContent>
                <MoveTo campaignId={campaign.id} moves={moves} />
              </CardContent>
            </Card>
          ) : null}
          <CampaignHistory history={campaign.history} />
        </div>
      </div>
    </>
  );
}
