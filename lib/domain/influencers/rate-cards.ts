import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import type { AuthContext } from "@/lib/auth/context";
import { AppError, notFound } from "@/lib/errors";
import { Prisma, type RateCard } from "@/lib/generated/prisma/client";
import { rateCardSchema, updateRateCardSchema } from "./schemas";
import { findScopedInfluencer } from "./scope";
import { idSchema } from "@/lib/domain/id";

// Fees per platform and deliverable type. Money leaves as a string with two decimals, never a float.

export const rateCardView = (card: RateCard) => ({ ...card, fee: card.fee.toFixed(2) });

function duplicateRateCard(error: unknown): unknown {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    const message = "This influencer already has a fee for that platform and deliverable";
    return new AppError("CONFLICT", message, { fields: { deliverableType: message } });
  }
  return error;
}

async function findScopedRateCard(tx: Tx, ctx: AuthContext, influencerId: string, rateCardId: string) {
  const profile = await findScopedInfluencer(tx, ctx, influencerId, "influencer.manage");
  if (!idSchema.safeParse(rateCardId).success) throw notFound("Rate card");
  const card = await tx.rateCard.findFirst({
    where: { id: rateCardId, influencerId: profile.id, agencyId: ctx.agencyId },
  });
  if (!card) throw notFound("Rate card");
  return { profile, card };
}

export async function listRateCards(ctx: AuthContext, influencerId: string) {
  const profile = await findScopedInfluencer(db, ctx, influencerId, "influencer.read");
  const cards = await db.rateCard.findMany({
    where: { agencyId: ctx.agencyId, influencerId: profile.id },
    orderBy: [{ platform: "asc" }, { deliverableType: "asc" }],
  });
  return cards.map(rateCardView);
}

export async function addRateCard(ctx: AuthContext, influencerId: string, raw: unknown) {
  const input = rateCardSchema.parse(raw);
  try {
    return await db.$transaction(async (tx) => {
      const profile = await findScopedInfluencer(tx, ctx, influencerId, "influencer.manage");
      const card = await tx.rateCard.create({ data: { ...input, agencyId: ctx.agencyId, influencerId: profile.id } });
      await writeAudit(tx, ctx, {
        action: "influencer.rate.create",
        model: "RateCard",
        recordId: card.id,
        display: `${card.platform} ${card.deliverableType}`,
        parent: { model: "InfluencerProfile", id: profile.id },
        after: card,
      });
      return rateCardView(card);
    });
  } catch (error) {
    throw duplicateRateCard(error);
  }
}

export async function updateRateCard(ctx: AuthContext, influencerId: string, rateCardId: string, raw: unknown) {
  const input = updateRateCardSchema.parse(raw);
  try {
    return await db.$transaction(async (tx) => {
      const { profile, card: before } = await findScopedRateCard(tx, ctx, influencerId, rateCardId);
      const after = await tx.rateCard.update({ where: { id: before.id }, data: input });
      await writeAudit(tx, ctx, {
        action: "influencer.rate.update",
        model: "RateCard",
        recordId: after.id,
        display: `${after.platform} ${after.deliverableType}`,
        parent: { model: "InfluencerProfile", id: profile.id },
        before,
        after,
      });
      return rateCardView(after);
    });
  } catch (error) {
    throw duplicateRateCard(error);
  }
}

export async function removeRateCard(ctx: AuthContext, influencerId: string, rateCardId: string) {
  return db.$transaction(async (tx) => {
    const { profile, card } = await findScopedRateCard(tx, ctx, influencerId, rateCardId);
    await tx.rateCard.delete({ where: { id: card.id } });
    await writeAudit(tx, ctx, {
      action: "influencer.rate.delete",
      model: "RateCard",
      recordId: card.id,
      display: `${card.platform} ${card.deliverableType}`,
      parent: { model: "InfluencerProfile", id: profile.id },
      before: card,
    });
    return { id: card.id };
  });
}
