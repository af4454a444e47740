import "server-only";
import type { Tx } from "@/lib/db/client";

/** Keeps the profile's totalFollowers and topEngagement in step with its social accounts (same transaction). */
export async function recomputeInfluencerTotals(tx: Tx, agencyId: string, influencerId: string) {
  const totals = await tx.socialAccount.aggregate({
    where: { agencyId, influencerId },
    _sum: { followers: true },
    _max: { engagementRate: true },
  });
  await tx.influencerProfile.updateMany({
    where: { id: influencerId, agencyId },
    data: { totalFollowers: totals._sum.followers ?? 0, topEngagement: totals._max.engagementRate ?? null },
  });
}
