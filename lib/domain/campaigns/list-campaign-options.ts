import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { clientScope } from "@/lib/domain/clients/scope";
import { campaignScope } from "./scope";
import { listCampaignTeam } from "./team";

/** What the campaign forms and filters offer: the caller's active clients, possible owners and directors. */
export async function listCampaignOptions(ctx: AuthContext) {
  campaignScope(ctx, "campaign.read");
  const [clients, team] = await Promise.all([
    db.client.findMany({
      where: { AND: [clientScope(ctx, "client.read"), { archivedAt: null }] },
      select: { id: true, name: true, defaultCurrency: true },
      orderBy: { name: "asc" },
      take: 500,
    }),
    listCampaignTeam(db, ctx.agencyId),
  ]);
  return { clients, owners: team.owners, directors: team.directors };
}
