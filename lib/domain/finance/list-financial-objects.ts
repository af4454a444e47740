import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { invalidCursor, pageArgs, pageResult } from "@/lib/domain/pagination";
import { financeScope } from "./scope";
import { listFinancialObjectsSchema } from "./schemas";
import { toFinancialObjectView } from "./view";
import type { FinancialObjectListItem } from "./view-types";

export type { FinancialObjectListItem };

/** The filters of the list (and of the CSV export) as a Prisma where, inside the caller's scope. */
export function listWhere(
  ctx: AuthContext,
  raw: unknown,
): { where: Prisma.FinancialObjectWhereInput; input: ReturnType<typeof listFinancialObjectsSchema.parse> } {
  const scope = financeScope(ctx, "finance.read");
  const input = listFinancialObjectsSchema.parse(raw ?? {});
  const and: Prisma.FinancialObjectWhereInput[] = [scope];
  if (input.type?.length) and.push({ type: { in: input.type } });
  if (input.status?.length) and.push({ status: { in: input.status } });
  if (input.campaignId) and.push({ campaignId: input.campaignId });
  if (input.clientId) and.push({ clientId: input.clientId });
  if (input.influencerId) and.push({ influencerId: input.influencerId });
  if (input.currency) and.push({ currency: input.currency });
  if (input.minAmount) and.push({ total: { gte: input.minAmount } });
  if (input.maxAmount) and.push({ total: { lte: input.maxAmount } });
  if (input.minAgeDays !== undefined)
    and.push({ createdAt: { lte: new Date(Date.now() - input.minAgeDays * 86_400_000) } });
  if (input.q)
    and.push({
      OR: [
        { title: { contains: input.q, mode: "insensitive" } },
        { number: { contains: input.q, mode: "insensitive" } },
        { externalRef: { contains: input.q, mode: "insensitive" } },
      ],
    });
  return { where: { AND: and }, input };
}

/** Financial objects the caller may see, filtered by type, status, campaign, client, influencer, amount and age; newest first. */
export async function listFinancialObjects(ctx: AuthContext, raw: unknown) {
  const { where, input } = listWhere(ctx, raw);
  if (input.cursor && !(await db.financialObject.count({ where: { AND: [where, { id: input.cursor }] } })))
    throw invalidCursor();
  const [rows, total] = await Promise.all([
    db.financialObject.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...pageArgs(input),
      include: { campaign: { select: { name: true, client: { select: { name: true } } } } },
    }),
    db.financialObject.count({ where }),
  ]);
  const influencerIds = [...new Set(rows.map((r) => r.influencerId).filter((v): v is string => Boolean(v)))];
  const names = new Map(
    influencerIds.length
      ? (
          await db.influencerProfile.findMany({
            where: { agencyId: ctx.agencyId, id: { in: influencerIds } },
            select: { id: true, displayName: true },
          })
        ).map((i) => [i.id, i.displayName])
      : [],
  );
  const page = pageResult(rows, total, input);
  return {
    ...page,
    items: page.items.map((r): FinancialObjectListItem => ({
      ...toFinancialObjectView(r, ctx),
      campaignName: r.campaign.name,
      clientName: r.campaign.client.name,
      influencerName: r.influencerId ? (names.get(r.influencerId) ?? null) : null,
    })),
  };
}
