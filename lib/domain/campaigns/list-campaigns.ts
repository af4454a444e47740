import { db } from "@/lib/db/client";
import { invalidCursor, pageArgs, pageResult } from "@/lib/domain/pagination";
import type { AuthContext } from "@/lib/auth/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { listCampaignsSchema } from "./schemas";
import { campaignScope } from "./scope";

export const campaignListSelect = {
  id: true,
  name: true,
  status: true,
  riskLevel: true,
  riskScore: true,
  startDate: true,
  endDate: true,
  plannedBudget: true,
  currency: true,
  platforms: true,
  missingInfo: true,
  updatedAt: true,
  client: { select: { id: true, name: true } },
  owner: { select: { id: true, name: true } },
} satisfies Prisma.CampaignSelect;

type Filters = { q?: string; clientId?: string; ownerId?: string; status?: string[]; riskLevel?: string[]; from?: string; to?: string };

/** The filters shared by the list and the board, inside the caller's scope. */
export function campaignFilterWhere(ctx: AuthContext, input: Filters): Prisma.CampaignWhereInput {
  const day = (v: string) => new Date(`${v}T00:00:00.000Z`);
  return {
    AND: [
      campaignScope(ctx, "campaign.read"),
      input.q ? { name: { contains: input.q, mode: "insensitive" } } : {},
      input.clientId ? { clientId: input.clientId } : {},
      input.ownerId ? { ownerId: input.ownerId } : {},
      input.status?.length ? { status: { in: input.status as Prisma.EnumCampaignStatusFilter["in"] } } : {},
      input.riskLevel?.length ? { riskLevel: { in: input.riskLevel as Prisma.EnumRiskLevelFilter["in"] } } : {},
      // A date range keeps the campaigns running during it: started by its end, not ended before its start.
      input.to ? { startDate: { lte: day(input.to) } } : {},
      input.from ? { endDate: { gte: day(input.from) } } : {},
    ],
  };
}

/** Campaigns the caller may see: filter, search by name, sort; page numbers for the UI, a cursor for the API. */
export async function listCampaigns(ctx: AuthContext, raw: unknown) {
  const input = listCampaignsSchema.parse(raw);
  const where = campaignFilterWhere(ctx, input);
  if (input.cursor && !(await db.campaign.findFirst({ where: { AND: [where, { id: input.cursor }] }, select: { id: true } }))) {
    throw invalidCursor();
  }
  const orderBy: Prisma.CampaignOrderByWithRelationInput[] = [
    input.sort === "startDate" || input.sort === "endDate" ? { [input.sort]: { sort: input.dir, nulls: "last" } } : { [input.sort]: input.dir },
    { id: input.dir },
  ];
  const [rows, total] = await Promise.all([
    db.campaign.findMany({
      where,
      orderBy,
      select: campaignListSelect,
      ...pageArgs(input),
    }),
    db.campaign.count({ where }),
  ]);
  return pageResult(rows, total, input);
}

export type CampaignListItem = Awaited<ReturnType<typeof listCampaigns>>["items"][number];
