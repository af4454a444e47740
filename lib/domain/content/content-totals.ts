import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { notFound } from "@/lib/errors";
import { campaignScope } from "@/lib/domain/campaigns/scope";
import { METRIC_FIELDS, type MetricField } from "./schemas";
import { idSchema } from "@/lib/domain/id";

/** The campaign's content figures summed in SQL (cancelled and declined tasks left out), with task counts by status. */
export async function getCampaignContentTotals(ctx: AuthContext, campaignId: string) {
  const scope = campaignScope(ctx, "content.read");
  if (!idSchema.safeParse(campaignId).success) throw notFound("Campaign");
  const campaign = await db.campaign.findFirst({ where: { AND: [scope, { id: campaignId }] }, select: { id: true } });
  if (!campaign) throw notFound("Campaign");
  const where = { agencyId: ctx.agencyId, campaignId, status: { notIn: ["CANCELLED" as const, "DECLINED" as const] } };
  const [sums, byStatus, published] = await Promise.all([
    db.contentTask.aggregate({
      where,
      _sum: Object.fromEntries(METRIC_FIELDS.map((f) => [f, true])) as Record<MetricField, true>,
    }),
    db.contentTask.groupBy({ by: ["status"], where: { agencyId: ctx.agencyId, campaignId }, _count: { _all: true } }),
    db.contentTask.count({ where: { ...where, publishedUrl: { not: null } } }),
  ]);
  const totals = Object.fromEntries(
    METRIC_FIELDS.map((f) => [f, Number((sums._sum as Record<MetricField, number | null>)[f] ?? 0)]),
  ) as Record<MetricField, number>;
  return {
    totals,
    published,
    byStatus: Object.fromEntries(byStatus.map((r) => [r.status, r._count._all])) as Record<string, number>,
  };
}
