import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { notFound } from "@/lib/errors";
import { campaignScope } from "@/lib/domain/campaigns/scope";
import { closedMessage } from "./decide-approval";
import { approvalInclude, loadThreads } from "./get-approval";
import { idSchema } from "@/lib/domain/id";
import { approvalScope } from "./scope";

/** Every approval of one campaign the caller sees, newest first, each with its thread (internal ones for staff only). */
export async function listCampaignApprovals(ctx: AuthContext, campaignId: string) {
  if (!idSchema.safeParse(campaignId).success) throw notFound("Campaign");
  const campaign = await db.campaign.findFirst({
    where: { AND: [campaignScope(ctx, "campaign.read"), { id: campaignId }] },
    select: { id: true },
  });
  if (!campaign) throw notFound("Campaign");
  const items = await db.approvalItem.findMany({
    where: { AND: [approvalScope(ctx), { campaignId }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: approvalInclude,
    take: 100,
  });
  const threads = await loadThreads(
    ctx,
    items.map((i) => i.id),
  );
  return items.map((item) => ({ ...item, comments: threads.get(item.id) ?? [], closedReason: closedMessage(item) }));
}
