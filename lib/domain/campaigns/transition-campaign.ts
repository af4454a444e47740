import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import type { AuthContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import type { CampaignStatus } from "@/lib/generated/prisma/enums";
import { idSchema } from "@/lib/domain/id";
import { loadCampaignFacts, type FactsSubject } from "./load-campaign-facts";
import { transitionSchema } from "./schemas";
import { campaignScope } from "./scope";
import { checkTransition, STATUS_LABELS, type GuardResult, type RefusalCode } from "./status-machine";

/** A move the machine refuses: 409, naming the guard (or "no such move") that failed. */
export class TransitionRefusedError extends AppError {
  readonly guard: RefusalCode;
  readonly guards: GuardResult[];
  constructor(guard: RefusalCode, message: string, guards: GuardResult[]) {
    super("CONFLICT", message, { fields: { to: message } });
    this.guard = guard;
    this.guards = guards;
  }
}

export const transitionSubjectSelect = {
  id: true,
  agencyId: true,
  name: true,
  status: true,
  statusBeforeHold: true,
  brief: true,
  briefRevision: true,
  shortlistRevision: true,
  policy: true,
} as const;

export type TransitionSubject = FactsSubject & { name: string };

/**
 * The move itself, inside the caller's transaction: facts, machine, status update, history row, audit.
 * For callers that already hold the campaign in scope (e.g. the approval engine moving DRAFT → BRIEF_IN_REVIEW
 * when the brief is sent); it checks `campaign.cancel` for CANCELLED but no other permission.
 */
export async function applyTransition(
  tx: Tx,
  ctx: AuthContext,
  campaign: TransitionSubject,
  to: CampaignStatus,
  reason: string | null = null,
) {
  if (to === "CANCELLED" && !can(ctx, "campaign.cancel"))
    throw new AppError("FORBIDDEN", "Only a director can cancel a campaign");
  const facts = await loadCampaignFacts(tx, campaign);
  const check = checkTransition(facts, to);
  if (!check.ok)
    throw new TransitionRefusedError(check.code, `Cannot move to ${STATUS_LABELS[to]}: ${check.message}`, check.guards);
  const from = campaign.status;
  const statusBeforeHold = to === "ON_HOLD" ? from : null;
  // Conditional on the status read: of two moves at once, the second finds the status changed and is refused.
  const moved = await tx.campaign.updateMany({
    where: { id: campaign.id, agencyId: ctx.agencyId, status: from },
    data: { status: to, statusBeforeHold },
  });
  if (moved.count !== 1)
    throw new AppError("CONFLICT", "The campaign's status changed meanwhile. Reload and try again.");
  const change = await tx.campaignStatusChange.create({
    data: { agencyId: ctx.agencyId, campaignId: campaign.id, from, to, changedById: ctx.userId, reason },
  });
  await writeAudit(tx, ctx, {
    action: "campaign.transition",
    model: "Campaign",
    recordId: campaign.id,
    display: `${campaign.name}: ${STATUS_LABELS[from]} → ${STATUS_LABELS[to]}`,
    before: { status: from, statusBeforeHold: campaign.statusBeforeHold },
    after: { status: to, statusBeforeHold, ...(reason ? { reason } : {}) },
  });
  return { id: campaign.id, from, to, changeId: change.id };
}

/** Moves a campaign to another status, if the machine and its guards allow it now. */
export async function transitionCampaign(ctx: AuthContext, id: string, raw: unknown) {
  const where = campaignScope(ctx, "campaign.transition");
  if (!idSchema.safeParse(id).success) throw notFound("Campaign");
  const input = transitionSchema.parse(raw);
  if (input.to === "CANCELLED" && !can(ctx, "campaign.cancel"))
    throw new AppError("FORBIDDEN", "Only a director can cancel a campaign");
  return db.$transaction(async (tx) => {
    const campaign = await tx.campaign.findFirst({ where: { AND: [where, { id }] }, select: transitionSubjectSelect });
    if (!campaign) throw notFound("Campaign");
    return applyTransition(tx, ctx, campaign, input.to, input.reason);
  });
}
