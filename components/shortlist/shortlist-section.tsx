import type { AuthContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { listShortlist } from "@/lib/domain/shortlist/list-shortlist";
import { RequestApprovalButton } from "@/components/approvals/request-approval-button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ShortlistBuilder, type BuilderLine } from "./shortlist-builder";

/** The shortlist section of the agency campaign page. */
export async function ShortlistSection({ ctx, campaignId }: { ctx: AuthContext; campaignId: string }) {
  if (!can(ctx, "influencer.read")) return null;
  const { campaign, lines } = await listShortlist(ctx, campaignId);
  const editable = can(ctx, "campaign.update");
  const view: BuilderLine[] = lines.map((l) => ({
    id: l.id,
    name: l.influencer.displayName,
    handles: l.influencer.socialAccounts.map((s) => `@${s.handle}`).join(" "),
    status: l.status,
    proposedFee: l.proposedFee?.toFixed(2) ?? null,
    currency: l.currency,
    history: l.pricingHistory.map((h) => ({
      id: h.id,
      campaignName: h.campaignName,
      fee: h.fee,
      currency: h.currency,
      agreedAt: h.agreedAt.toISOString(),
    })),
  }));
  return (
    <section id="shortlist" aria-labelledby="shortlist-heading">
      <Card>
        <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-3">
          <div>
            <CardTitle id="shortlist-heading">Shortlist</CardTitle>
            <CardDescription>
              Revision {campaign.shortlistRevision} · fees default from each influencer&apos;s rate card for this
              campaign&apos;s platforms.
            </CardDescription>
          </div>
          {can(ctx, "approval.request") ? (
            <RequestApprovalButton campaignId={campaign.id} type="SHORTLIST" label="Send shortlist to client" />
          ) : null}
        </CardHeader>
        <CardContent>
          <ShortlistBuilder campaignId={campaign.id} lines={view} editable={editable} />
        </CardContent>
      </Card>
    </section>
  );
}
