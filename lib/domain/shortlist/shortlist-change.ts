import "server-only";
import type { Tx } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { notFound } from "@/lib/errors";
import { campaignScope } from "@/lib/domain/campaigns/scope";
import { supersedePendingApprovals } from "@/lib/domain/approvals/supersede-pending";

/**
 * The campaign a shortlist change is for, locked for the transaction (so a change and a "send shortlist"
 * never interleave), within the caller's scope for editing campaigns.
 */
export async function lockShortlistCampaign(tx: Tx, ctx: AuthContext, campaignId: string) {
  const scope = campaignScope(ctx, "campaign.update");
  await tx.$queryRaw`SELECT id FROM "Campaign" WHERE id = ${campaignId}::uuid AND "agencyId" = ${ctx.agencyId}::uuid FOR UPDATE`;
  const campaign = await tx.campaign.findFirst({
    where: { AND: [scope, { id: campaignId }] },
    select: { id: true, name: true, platforms: true, currency: true, shortlistRevision: true },
  });
  if (!campaign) throw notFound("Campaign");
  return campaign;
}

/** Every change of the shortlist makes a new revision and supersedes the pending shortlist approval. */
export async function bumpShortlistRevision(tx: Tx, ctx: AuthContext, campaignId: string) {
  const updated = await tx.campaign.update({
    where: { id: campaignId },
    data: { shortlistRevision: { increment: 1 } },
    select: { shortlistRevision: true },
  });
  const superseded = await supersedePendingApprovals(tx, ctx, {
    campaignId,
    type: "SHORTLIST",
    subjectId: campaignId,
    newVersion: updated.shortlistRevision,
  });
  // Lines that were waiting on the superseded item wait again to be sent.
  if (superseded.length)
    await tx.campaignInfluencer.updateMany({
      where: { agencyId: ctx.agencyId, campaignId, status: "PROPOSED" },
      data: { status: "SHORTLISTED" },
    });
  return { revision: updated.shortlistRevision, superseded };
}
