import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { campaignFilterWhere } from "./list-campaigns";
import { boardFiltersSchema } from "./schemas";
import { PHASES } from "./status-machine";

const cardSelect = {
  id: true,
  name: true,
  status: true,
  statusBeforeHold: true,
  riskLevel: true,
  startDate: true,
  endDate: true,
  updatedAt: true,
  client: { select: { id: true, name: true } },
  owner: { select: { id: true, name: true } },
} as const;

/** Campaigns grouped by phase, most recently changed first, at most `perColumn` cards per column (with the total). */
export async function getCampaignBoard(ctx: AuthContext, raw: unknown) {
  const input = boardFiltersSchema.parse(raw);
  const where = campaignFilterWhere(ctx, input);
  const columns = await Promise.all(
    PHASES.map(async (phase) => {
      const phaseWhere = { AND: [where, { status: { in: phase.statuses } }] };
      const [cards, total] = await Promise.all([
        db.campaign.findMany({
          where: phaseWhere,
          select: cardSelect,
          orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
          take: input.perColumn,
        }),
        db.campaign.count({ where: phaseWhere }),
      ]);
      return { key: phase.key, label: phase.label, statuses: phase.statuses, cards, total };
    }),
  );
  return { columns };
}

export type CampaignBoard = Awaited<ReturnType<typeof getCampaignBoard>>;
export type BoardCard = CampaignBoard["columns"][number]["cards"][number];
