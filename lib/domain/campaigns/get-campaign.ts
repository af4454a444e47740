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
  const found = await db.campaign.findFirst({
    where: { AND: [where, { id }] },
    include: {
      client: { select: { id: true, name: true } },
      statusChanges: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 200 },
      briefs: { select: { id: true, revision: true, createdAt: true, createdById: true }, orderBy: { revision: "desc" } },
    },
  });
  if (!found) throw notFound("Campaign");
  // Owner, director and everyone named in the history in one statement (the app's users, same agency).
  const { client, statusChanges, briefs: briefRows, ...campaign } = found;
  const actorIds = [...statusChanges.map((s) => s.changedById), ...briefRows.map((b) => b.createdById)];
  const userIds = [...new Set([campaign.ownerId, campaign.directorId, ...actorIds].filter((v): v is string => Boolean(v)))];
  const users = await db.user.findMany({ where: { agencyId: campaign.agencyId, id: { in: userIds } }, select: { id: true, name: true, email: true } });
  const userOf = (userId: string | null) => users.find((u) => u.id === userId) ?? null;
  const nameOf = (userId: string | null) => userOf(userId)?.name ?? null;
  const owner = userOf(campaign.ownerId) ?? { id: campaign.ownerId, name: "", email: "" };
  const director = userOf(campaign.directorId);
  const history = statusChanges.map((s) => ({ id: s.id, from: s.from, to: s.to, reason: s.reason, createdAt: s.createdAt, changedBy: s.changedById ? { id: s.changedById, name: nameOf(s.changedById) } : null }));
  const briefs = briefRows.map((b) => ({ id: b.id, revision: b.revision, createdAt: b.createdAt, createdBy: nameOf(b.createdById) }));
  const full = { ...campaign, client, owner, director, statusChanges: undefined, history, briefs };
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
