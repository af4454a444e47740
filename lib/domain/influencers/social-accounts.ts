import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import type { AuthContext } from "@/lib/auth/context";
import { AppError, notFound } from "@/lib/errors";
import { recomputeInfluencerTotals } from "./recompute-totals";
import { socialAccountSchema, updateSocialAccountSchema } from "./schemas";
import { duplicateHandleError, findScopedInfluencer } from "./scope";
import { idSchema } from "@/lib/domain/id";

// Social accounts live under a profile: every query goes through the profile's tenant. The profile's
// totalFollowers and topEngagement are recomputed in the same transaction as each change.

const publicSocial = <T extends { tokens: string | null }>({ tokens, ...rest }: T) => ({
  ...rest,
  hasTokens: tokens !== null,
});

async function findScopedSocial(tx: Tx, ctx: AuthContext, influencerId: string, socialId: string) {
  const profile = await findScopedInfluencer(tx, ctx, influencerId, "influencer.manage");
  if (!idSchema.safeParse(socialId).success) throw notFound("Social account");
  const social = await tx.socialAccount.findFirst({
    where: { id: socialId, influencerId: profile.id, agencyId: ctx.agencyId },
  });
  if (!social) throw notFound("Social account");
  return { profile, social };
}

export async function listSocialAccounts(ctx: AuthContext, influencerId: string) {
  const profile = await findScopedInfluencer(db, ctx, influencerId, "influencer.read");
  const rows = await db.socialAccount.findMany({
    where: { agencyId: ctx.agencyId, influencerId: profile.id },
    orderBy: [{ followers: "desc" }, { id: "asc" }],
  });
  return rows.map(publicSocial);
}

export async function addSocialAccount(ctx: AuthContext, influencerId: string, raw: unknown) {
  const input = socialAccountSchema.parse(raw);
  try {
    return await db.$transaction(async (tx) => {
      const profile = await findScopedInfluencer(tx, ctx, influencerId, "influencer.manage");
      const social = await tx.socialAccount.create({
        data: { ...input, agencyId: ctx.agencyId, influencerId: profile.id },
      });
      await recomputeInfluencerTotals(tx, ctx.agencyId, profile.id);
      await writeAudit(tx, ctx, {
        action: "influencer.social.create",
        model: "SocialAccount",
        recordId: social.id,
        display: `${social.platform} @${social.handle}`,
        parent: { model: "InfluencerProfile", id: profile.id },
        after: publicSocial(social),
      });
      return publicSocial(social);
    });
  } catch (error) {
    throw duplicateHandleError(error, input.handle, input.platform);
  }
}

export async function updateSocialAccount(ctx: AuthContext, influencerId: string, socialId: string, raw: unknown) {
  const input = updateSocialAccountSchema.parse(raw);
  try {
    return await db.$transaction(async (tx) => {
      const { profile, social: before } = await findScopedSocial(tx, ctx, influencerId, socialId);
      const after = await tx.socialAccount.update({ where: { id: before.id }, data: input });
      await recomputeInfluencerTotals(tx, ctx.agencyId, profile.id);
      await writeAudit(tx, ctx, {
        action: "influencer.social.update",
        model: "SocialAccount",
        recordId: after.id,
        display: `${after.platform} @${after.handle}`,
        parent: { model: "InfluencerProfile", id: profile.id },
        before: publicSocial(before),
        after: publicSocial(after),
      });
      return publicSocial(after);
    });
  } catch (error) {
    throw duplicateHandleError(error, input.handle ?? "", input.platform ?? "that platform");
  }
}

export async function removeSocialAccount(ctx: AuthContext, influencerId: string, socialId: string) {
  return db.$transaction(async (tx) => {
    const { profile, social } = await findScopedSocial(tx, ctx, influencerId, socialId);
    // A STUB is a name and one handle: it keeps at least that one.
    const remaining = await tx.socialAccount.count({ where: { agencyId: ctx.agencyId, influencerId: profile.id } });
    if (remaining <= 1)
      throw new AppError(
        "CONFLICT",
        "An influencer keeps at least one social account: add another before removing this one",
      );
    await tx.socialAccount.delete({ where: { id: social.id } });
    await recomputeInfluencerTotals(tx, ctx.agencyId, profile.id);
    await writeAudit(tx, ctx, {
      action: "influencer.social.delete",
      model: "SocialAccount",
      recordId: social.id,
      display: `${social.platform} @${social.handle}`,
      parent: { model: "InfluencerProfile", id: profile.id },
      before: publicSocial(social),
    });
    return { id: social.id };
  });
}
