import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { campaignScope } from "@/lib/domain/campaigns/scope";
import { clientScope } from "@/lib/domain/clients/scope";
import { idSchema } from "@/lib/domain/id";
import type { FilterChoice } from "./view-types";

/**
 * The names of the campaign and client a finance list is filtered by (the filter form shows them; it searches the
 * others through the JSON API as the user types, instead of sending every campaign and client with the page).
 * Within the caller's scope: an id they may not see has no name (null).
 */
export async function getFilterChoices(
  ctx: AuthContext,
  ids: { campaignId?: string; clientId?: string },
): Promise<{ campaign: FilterChoice | null; client: FilterChoice | null }> {
  const valid = (id: string | undefined) => (id && idSchema.safeParse(id).success ? id : null);
  const campaignId = valid(ids.campaignId);
  const clientId = valid(ids.clientId);
  const [campaign, client] = await Promise.all([
    campaignId
      ? db.campaign.findFirst({
          where: { AND: [campaignScope(ctx, "campaign.read"), { id: campaignId }] },
          select: { id: true, name: true },
        })
      : null,
    clientId
      ? db.client.findFirst({
          where: { AND: [clientScope(ctx, "client.read"), { id: clientId }] },
          select: { id: true, name: true },
        })
      : null,
  ]);
  return { campaign, client };
}
