import "server-only";
import { db, type Tx } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { writeAudit } from "@/lib/audit";
import { AppError, notFound } from "@/lib/errors";
import type { Platform } from "@/lib/generated/prisma/enums";
import { idSchema } from "@/lib/domain/id";
import { addToShortlistSchema } from "./schemas";
import { bumpShortlistRevision, lockShortlistCampaign } from "./shortlist-change";

/**
 * The fee a shortlist starts from: the influencer's rate card for the campaign's platforms (any platform when
 * the campaign names none), in the campaign's currency when there is such a card, the lowest such fee.
 */
export async function defaultFee(
  tx: Tx,
  agencyId: string,
  influencerId: string,
  campaign: { platforms: Platform[]; currency: string },
) {
  const cards = await tx.rateCard.findMany({
    where: { agencyId, influencerId, ...(campaign.platforms.length ? { platform: { in: campaign.platforms } } : {}) },
    orderBy: [{ fee: "asc" }, { id: "asc" }],
    select: { fee: true, currency: true, deliverableType: true, platform: true },
  });
  return cards.find((c) => c.currency === campaign.currency) ?? cards[0] ?? null;
}

/** Puts an influencer of the agency on the campaign's shortlist with a proposed fee (given, or from the rate card). */
export async function addToShortlist(ctx: AuthContext, campaignId: string, raw: unknown) {
  if (!idSchema.safeParse(campaignId).success) throw notFound("Campaign");
  const input = addToShortlistSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const campaign = await lockShortlistCampaign(tx, ctx, campaignId);
    const influencer = await tx.influencerProfile.findFirst({
      where: { id: input.influencerId, agencyId: ctx.agencyId },
      select: { id: true, displayName: true, status: true },
    });
    if (!influencer)
      throw new AppError("VALIDATION_FAILED", "Check influencerId: no such influencer in your directory", {
        fields: { influencerId: "No such influencer" },
      });
    if (influencer.status === "BLOCKED")
      throw new AppError("CONFLICT", `${influencer.displayName} is blocked and cannot be shortlisted`);
    const existing = await tx.campaignInfluencer.findFirst({
      where: { agencyId: ctx.agencyId, campaignId, influencerId: influencer.id },
      select: { id: true },
    });
    if (existing)
      throw new AppError("CONFLICT", `${influencer.displayName} is already on this campaign`, {
        fields: { influencerId: "Already on this campaign" },
      });
    const card = await defaultFee(tx, ctx.agencyId, influencer.id, campaign);
    const proposedFee = input.proposedFee ?? card?.fee.toFixed(2) ?? null;
    const assignment = await tx.campaignInfluencer.create({
      data: {
        agencyId: ctx.agencyId,
        campaignId,
        influencerId: influencer.id,
        status: "SHORTLISTED",
        proposedFee,
        currency: input.proposedFee ? campaign.currency : (card?.currency ?? campaign.currency),
        deliverableType: input.deliverableType ?? card?.deliverableType ?? null,
        notes: input.notes ?? null,
      },
    });
    const { revision } = await bumpShortlistRevision(tx, ctx, campaignId);
    await writeAudit(tx, ctx, {
      action: "shortlist.add",
      model: "CampaignInfluencer",
      recordId: assignment.id,
      display: `${influencer.displayName} on ${campaign.name}`,
      parent: { model: "Campaign", id: campaignId },
      after: { ...assignment, shortlistRevision: revision },
    });
    return assignment;
  });
}

/** 404 for an assignment that is not on a campaign the caller edits. */
export async function findShortlistLine(tx: Tx, ctx: AuthContext, campaignId: string, assignmentId: string) {
  const line = await tx.campaignInfluencer.findFirst({
    where: { id: assignmentId, campaignId, agencyId: ctx.agencyId },
    include: { influencer: { select: { displayName: true } } },
  });
  if (!line) throw notFound("Shortlist entry");
  return line;
}
