import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import type { CampaignStatus } from "@/lib/generated/prisma/enums";
import { idSchema } from "@/lib/domain/id";
import { loadCampaignFacts } from "./load-campaign-facts";
import { campaignScope } from "./scope";
import { evaluateMoves, STATUS_LABELS, type GuardResult } from "./status-machine";
import { transitionSubjectSelect } from "./transition-campaign";

export type AllowedMove = {
  to: CampaignStatus;
  label: string;
  allowed: boolean;
  /** Why not, when not allowed: a guard code, NO_SUCH_TRANSITION or FORBIDDEN (the caller's permission). */
  refusal: { code: string; message: string } | null;
  guards: GuardResult[];
};

/** The moves from the campaign's current status, each with its guards evaluated now and the caller's permission. */
export async function getCampaignTransitions(ctx: AuthContext, id: string) {
  const where = campaignScope(ctx, "campaign.read");
  if (!idSchema.safeParse(id).success) throw notFound("Campaign");
  return db.$transaction(
    async (tx) => {
      const campaign = await tx.campaign.findFirst({
        where: { AND: [where, { id }] },
        select: transitionSubjectSelect,
      });
      if (!campaign) throw notFound("Campaign");
      const facts = await loadCampaignFacts(tx, campaign);
      const mayMove = can(ctx, "campaign.transition");
      const moves: AllowedMove[] = evaluateMoves(facts).map(({ to, check }) => {
        const permitted = mayMove && (to !== "CANCELLED" || can(ctx, "campaign.cancel"));
        const refusal = !permitted
          ? {
              code: "FORBIDDEN",
              message: to === "CANCELLED" ? "Only a director can cancel a campaign" : "You may not move campaigns",
            }
          : check.ok
            ? null
            : { code: check.code, message: check.message };
        return { to, label: STATUS_LABELS[to], allowed: refusal === null, refusal, guards: check.guards };
      });
      return { id: campaign.id, status: campaign.status, statusBeforeHold: campaign.statusBeforeHold, moves };
    },
    { isolationLevel: "RepeatableRead" },
  );
}
