import "server-only";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import type { AuthContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { clientScope } from "@/lib/domain/clients/scope";
import { computeMissingInfo } from "./missing-info";
import { createCampaignSchema } from "./schemas";
import { campaignScope } from "./scope";
import { assertTeamMember, DIRECTOR_ROLES, OWNER_ROLES } from "./team";

/** "2026-05-31" → the UTC midnight Prisma stores in a DATE column. */
export function toDbDate(value: string | null | undefined): Date | null | undefined {
  return value === undefined ? undefined : value === null ? null : new Date(`${value}T00:00:00.000Z`);
}

/** Creates a campaign in DRAFT for a client of the caller's agency; a given brief becomes revision 1. */
export async function createCampaign(ctx: AuthContext, raw: unknown) {
  campaignScope(ctx, "campaign.create");
  const input = createCampaignSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const client = await tx.client.findFirst({
      where: { AND: [clientScope(ctx, "client.read"), { id: input.clientId, archivedAt: null }] },
      select: { id: true, defaultCurrency: true },
    });
    if (!client)
      throw new AppError("VALIDATION_FAILED", "Client not found", { fields: { clientId: "Client not found" } });
    const ownerId = input.ownerId ?? ctx.userId;
    await assertTeamMember(tx, ctx.agencyId, ownerId, { roles: OWNER_ROLES, field: "ownerId", label: "The owner" });
    if (input.directorId)
      await assertTeamMember(tx, ctx.agencyId, input.directorId, {
        roles: DIRECTOR_ROLES,
        field: "directorId",
        label: "The director",
      });
    const fields = {
      name: input.name,
      objective: input.objective,
      brief: input.brief,
      platforms: input.platforms,
      startDate: toDbDate(input.startDate) ?? null,
      endDate: toDbDate(input.endDate) ?? null,
      plannedBudget: input.plannedBudget,
      currency: input.currency ?? client.defaultCurrency,
      ownerId,
      directorId: input.directorId ?? null,
    };
    const campaign = await tx.campaign.create({
      data: {
        ...fields,
        agencyId: ctx.agencyId,
        clientId: client.id,
        policy: (input.policy ?? {}) as Prisma.InputJsonValue,
        briefRevision: input.brief ? 1 : 0,
        missingInfo: computeMissingInfo({ ...fields, clientId: client.id }),
      },
    });
    if (input.brief) {
      await tx.campaignBrief.create({
        data: {
          agencyId: ctx.agencyId,
          campaignId: campaign.id,
          revision: 1,
          content: input.brief,
          createdById: ctx.userId,
        },
      });
    }
    await tx.campaignStatusChange.create({
      data: {
        agencyId: ctx.agencyId,
        campaignId: campaign.id,
        from: null,
        to: "DRAFT",
        changedById: ctx.userId,
        reason: "Created",
      },
    });
    await writeAudit(tx, ctx, {
      action: "campaign.create",
      model: "Campaign",
      recordId: campaign.id,
      display: campaign.name,
      after: campaign,
    });
    return campaign;
  });
}
