import { z } from "zod";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { scopeOf } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { campaignScope } from "./scope";

export const campaignIdSchema = z.uuid({ error: "Not a valid id" });

/** Staff see the whole campaign; client users see what concerns them (no policy, risk, internal notes). */
export function seesInternals(ctx: AuthContext): boolean {
  return scopeOf(ctx, "campaign.read")?.agencyWide === true;
}

/** One campaign with client, owner, director, status history (with who) and the list of brief revisions. */
export async function getCampaign(ctx: AuthContext, id: string) {
  const where = campaignScope(ctx, "campaign.read");
  if (!campaignIdSchema.safeParse(id).success) throw notFound("Campaign");
  const person = { select: { id: true, name: true, email: true } } as const;
  const campaign = await db.campaign.findFirst({
    where: { AND: [where, { id }] },
    include: {
      client: { select: { id: true, name: true } },
      owner: person,
      director: person,
      statusChanges: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 200 },
      briefs: { select: { id: true, revision: true, createdAt: true, createdById: true }, orderBy: { revision: "desc" } },
    },
  });
  if (!campaign) throw notFound("Campaign");
  const actorIds = [...new Set([...campaign.statusChanges.map((s) => s.changedById), ...campaign.briefs.map((b) => b.createdById)].filter((v): v is string => Boolean(v)))];
  const actors = await db.user.findMany({ where: { agencyId: ctx.agencyId, id: { in: actorIds } }, select: { id: true, name: true } });
  const nameOf = (userId: string | null) => actors.find((a) => a.id === userId)?.name ?? null;
  const history = campaign.statusChanges.map((s) => ({ id: s.id, from: s.from, to: s.to, reason: s.reason, createdAt: s.createdAt, changedBy: s.changedById ? { id: s.changedById, name: nameOf(s.changedById) } : null }));
  const briefs = campaign.briefs.map((b) => ({ id: b.id, revision: b.revision, createdAt: b.createdAt, createdBy: nameOf(b.createdById) }));
  const full = { ...campaign, statusChanges: undefined, history, briefs };
  if (seesInternals(ctx)) return full;
  return {
    ...full,
    policy: {},
    riskScore: 0,
    riskLevel: null,
    missingInfo: [],
    owner: { ...full.owner, email: null },
    director: full.director ? { ...full.director, email: null } : null,
  };
}

export type CampaignDetail = Awaited<ReturnType<typeof getCampaign>>;
