import "server-only";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import type { AuthContext } from "@/lib/auth/context";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { supersedePendingApprovals } from "@/lib/domain/approvals/supersede-pending";
import { toDbDate } from "./create-campaign";
import { idSchema } from "@/lib/domain/id";
import { computeMissingInfo } from "./missing-info";
import { updateCampaignSchema } from "./schemas";
import { campaignScope } from "./scope";
import { campaignStaleError } from "./stale-error";
import { assertTeamMember, DIRECTOR_ROLES, OWNER_ROLES } from "./team";

/**
 * Edits a campaign. The caller names the version it read; a newer one refuses the save (optimistic locking).
 * A changed brief text becomes a new CampaignBrief revision and supersedes pending brief approvals.
 */
export async function updateCampaign(ctx: AuthContext, id: string, raw: unknown) {
  const where = campaignScope(ctx, "campaign.update");
  if (!idSchema.safeParse(id).success) throw notFound("Campaign");
  const { version, ...input } = updateCampaignSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const before = await tx.campaign.findFirst({ where: { AND: [where, { id }] } });
    if (!before) throw notFound("Campaign");
    if (before.version !== version) throw await campaignStaleError(ctx, id, before.version);
    if (input.ownerId)
      await assertTeamMember(tx, ctx.agencyId, input.ownerId, {
        roles: OWNER_ROLES,
        field: "ownerId",
        label: "The owner",
      });
    if (input.directorId)
      await assertTeamMember(tx, ctx.agencyId, input.directorId, {
        roles: DIRECTOR_ROLES,
        field: "directorId",
        label: "The director",
      });

    const changes: Prisma.CampaignUncheckedUpdateManyInput = {
      name: input.name,
      objective: input.objective,
      platforms: input.platforms,
      startDate: toDbDate(input.startDate),
      endDate: toDbDate(input.endDate),
      plannedBudget: input.plannedBudget,
      currency: input.currency,
      // An owner cannot be removed, only replaced.
      ownerId: input.ownerId ?? undefined,
      directorId: input.directorId,
      policy:
        input.policy === undefined
          ? undefined
          : ({ ...(before.policy as object), ...input.policy } as Prisma.InputJsonValue),
    };
    const briefChanged = input.brief !== undefined && (input.brief ?? "") !== (before.brief ?? "");
    const briefRevision = briefChanged ? before.briefRevision + 1 : before.briefRevision;
    if (briefChanged) Object.assign(changes, { brief: input.brief, briefRevision });

    const merged = { ...before, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
    const claimed = await tx.campaign.updateMany({
      where: { id, agencyId: ctx.agencyId, version },
      data: {
        ...changes,
        missingInfo: computeMissingInfo(merged as Parameters<typeof computeMissingInfo>[0]),
        version: { increment: 1 },
      },
    });
    if (claimed.count !== 1) throw await campaignStaleError(ctx, id, version + 1);

    if (briefChanged) {
      // An emptied brief is a revision too: what an approver read is always kept.
      await tx.campaignBrief.create({
        data: {
          agencyId: ctx.agencyId,
          campaignId: id,
          revision: briefRevision,
          content: input.brief ?? "",
          createdById: ctx.userId,
        },
      });
      await supersedePendingApprovals(tx, ctx, {
        campaignId: id,
        type: "BRIEF",
        subjectId: id,
        newVersion: briefRevision,
      });
    }
    const after = await tx.campaign.findUniqueOrThrow({ where: { id } });
    await writeAudit(tx, ctx, {
      action: "campaign.update",
      model: "Campaign",
      recordId: id,
      display: after.name,
      before,
      after,
    });
    return after;
  });
}
