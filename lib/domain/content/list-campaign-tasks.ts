import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { notFound } from "@/lib/errors";
import { campaignScope } from "@/lib/domain/campaigns/scope";
import { invalidCursor, pageArgs, pageResult } from "@/lib/domain/pagination";
import { idSchema, listTasksSchema, TASK_STATUSES, TASK_STATUS_LABELS, type ListTasksInput } from "./schemas";
import { taskScope } from "./scope";
import { isOverdue, taskExtras, taskListInclude } from "./task-view";

async function campaignVisible(ctx: AuthContext, campaignId: string) {
  if (!idSchema.safeParse(campaignId).success) throw notFound("Campaign");
  const campaign = await db.campaign.findFirst({ where: { AND: [campaignScope(ctx, "campaign.read"), { id: campaignId }] }, select: { id: true } });
  if (!campaign) throw notFound("Campaign");
}

/** The campaign's content tasks the caller may see (a client: those with content sent to them), oldest first. */
export async function listCampaignTasks(ctx: AuthContext, campaignId: string, raw: ListTasksInput = {}) {
  const input = listTasksSchema.parse(raw);
  const scope = await taskScope(ctx);
  await campaignVisible(ctx, campaignId);
  const where = { AND: [scope, { campaignId }, input.status ? { status: input.status } : {}] };
  if (input.cursor && !(await db.contentTask.count({ where: { AND: [where, { id: input.cursor }] } }))) throw invalidCursor();
  const [rows, total] = await Promise.all([
    db.contentTask.findMany({ where, include: taskListInclude, orderBy: [{ createdAt: "asc" }, { id: "asc" }], ...pageArgs({ take: input.take, cursor: input.cursor }) }),
    db.contentTask.count({ where }),
  ]);
  const { latestBy, pendingBy } = await taskExtras(rows.map((r) => r.id), ctx.agencyId);
  const now = new Date();
  const items = rows.map((t) => ({
    id: t.id,
    title: t.title,
    deliverableType: t.deliverableType,
    status: t.status,
    statusLabel: TASK_STATUS_LABELS[t.status],
    dueAt: t.dueAt,
    overdue: isOverdue(t, now),
    fee: t.fee?.toFixed(2) ?? null,
    currency: t.currency,
    requiredArtifacts: t.requiredArtifacts,
    influencer: { id: t.assignment.influencer.id, name: t.assignment.influencer.displayName },
    latestArtifacts: latestBy.get(t.id) ?? [],
    pendingStage: pendingBy.get(t.id) ?? null,
    publishedUrl: t.publishedUrl,
    version: t.version,
  }));
  return pageResult(items, total, { take: input.take, cursor: input.cursor });
}
export type CampaignTaskItem = Awaited<ReturnType<typeof listCampaignTasks>>["items"][number];

/** The board: every status as a column with its count and cards (at most 500 tasks per campaign shown). */
export async function getCampaignContentBoard(ctx: AuthContext, campaignId: string) {
  const page = await listCampaignTasks(ctx, campaignId, { take: 100 });
  let items = page.items;
  let cursor = page.nextCursor;
  while (cursor && items.length < 500) {
    const next = await listCampaignTasks(ctx, campaignId, { take: 100, cursor });
    items = items.concat(next.items);
    cursor = next.nextCursor;
  }
  const columns = TASK_STATUSES.map((status) => {
    const cards = items.filter((i) => i.status === status);
    return { status, label: TASK_STATUS_LABELS[status], count: cards.length, cards };
  });
  return { columns, total: page.total, overdue: items.filter((i) => i.overdue).length };
}
