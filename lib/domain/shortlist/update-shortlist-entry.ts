import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { writeAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import { findShortlistLine } from "./add-to-shortlist";
import { SHORTLIST_STATUSES, updateShortlistSchema } from "./schemas";
import { idSchema } from "@/lib/domain/id";
import { bumpShortlistRevision, lockShortlistCampaign } from "./shortlist-change";

/**
 * Changes the proposed fee (or deliverable, notes) of a shortlisted influencer. A new fee is a new offer to
 * the client: an influencer the client already decided on goes back to SHORTLISTED to be sent again.
 */
export async function updateShortlistEntry(ctx: AuthContext, campaignId: string, assignmentId: string, raw: unknown) {
  if (!idSchema.safeParse(campaignId).success) throw notFound("Campaign");
  if (!idSchema.safeParse(assignmentId).success) throw notFound("Shortlist entry");
  const input = updateShortlistSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const campaign = await lockShortlistCampaign(tx, ctx, campaignId);
    const before = await findShortlistLine(tx, ctx, campaign.id, assignmentId);
    if (!(SHORTLIST_STATUSES as readonly string[]).includes(before.status)) {
      throw new AppError(
        "CONFLICT",
        `${before.influencer.displayName} is past the shortlist (${before.status.toLowerCase()}): the fee is negotiated on the offer now`,
      );
    }
    const feeChanged =
      input.proposedFee !== undefined && (input.proposedFee ?? null) !== (before.proposedFee?.toFixed(2) ?? null);
    const after = await tx.campaignInfluencer.update({
      where: { id: before.id },
      data: {
        ...(input.proposedFee !== undefined ? { proposedFee: input.proposedFee } : {}),
        ...(input.deliverableType !== undefined ? { deliverableType: input.deliverableType } : {}),
        ...(input.notes !== undefined ? { notes: input.notes } : {}),
        ...(feeChanged && before.status !== "SHORTLISTED" ? { status: "SHORTLISTED" as const } : {}),
        version: { increment: 1 },
      },
    });
    await bumpShortlistRevision(tx, ctx, campaign.id);
    const plainBefore: Record<string, unknown> = { ...before };
    delete plainBefore.influencer;
    await writeAudit(tx, ctx, {
      action: "shortlist.update",
      model: "CampaignInfluencer",
      recordId: after.id,
      display: `${before.influencer.displayName} on ${campaign.name}`,
      parent: { model: "Campaign", id: campaign.id },
      before: plainBefore,
      after,
    });
    return after;
  });
}
