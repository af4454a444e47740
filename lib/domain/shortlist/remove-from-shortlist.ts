import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { writeAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { idSchema } from "@/lib/domain/id";
import { findShortlistLine } from "./add-to-shortlist";
import { SHORTLIST_STATUSES } from "./schemas";
import { bumpShortlistRevision, lockShortlistCampaign } from "./shortlist-change";

/** Takes an influencer off the shortlist. Once an offer went out the assignment is dropped instead (a later issue). */
export async function removeFromShortlist(ctx: AuthContext, campaignId: string, assignmentId: string) {
  if (!idSchema.safeParse(campaignId).success) throw notFound("Campaign");
  if (!idSchema.safeParse(assignmentId).success) throw notFound("Shortlist entry");
  return db.$transaction(async (tx) => {
    const campaign = await lockShortlistCampaign(tx, ctx, campaignId);
    const line = await findShortlistLine(tx, ctx, campaign.id, assignmentId);
    if (!(SHORTLIST_STATUSES as readonly string[]).includes(line.status)) {
      throw new AppError(
        "CONFLICT",
        `${line.influencer.displayName} is past the shortlist (${line.status.toLowerCase()}) and cannot be removed`,
      );
    }
    await tx.campaignInfluencer.delete({ where: { id: line.id } });
    await bumpShortlistRevision(tx, ctx, campaign.id);
    const before: Record<string, unknown> = { ...line };
    delete before.influencer;
    await writeAudit(tx, ctx, {
      action: "shortlist.remove",
      model: "CampaignInfluencer",
      recordId: line.id,
      display: `${line.influencer.displayName} off ${campaign.name}`,
      parent: { model: "Campaign", id: campaign.id },
      before,
    });
    return { id: line.id };
  });
}
