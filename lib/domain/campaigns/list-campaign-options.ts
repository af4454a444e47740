import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { clientScope } from "@/lib/domain/clients/scope";
import { getFilterChoices } from "@/lib/domain/finance/get-filter-choices";
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

/**
 * What the campaign list's and board's filters show: the possible owners (a team: a few dozen) and the name of the
 * client filtered by, if any, within the caller's scope. The other clients are searched through the JSON API as
 * the user types (FilterPicker), not sent with the page: an agency has thousands.
 */
export async function listCampaignFilterOptions(ctx: AuthContext, clientId: string | undefined) {
  campaignScope(ctx, "campaign.read");
  const [team, choices] = await Promise.all([listCampaignTeam(db, ctx.agencyId), getFilterChoices(ctx, { clientId })]);
  return { owners: team.owners.map((o) => ({ id: o.id, name: o.name })), client: choices.client };
}
