import "server-only";
import { queryRow } from "@/lib/db/sql";
import type { AuthContext } from "@/lib/auth/context";
import { scopeOf } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CampaignStatus, Platform, RiskLevel } from "@/lib/generated/prisma/enums";
import { campaignScopeSql } from "./scope";
import { idSchema } from "@/lib/domain/id";

/** Staff see the whole campaign; client users see what concerns them (no policy, risk, internal notes). */
export function seesInternals(ctx: AuthContext): boolean {
  return scopeOf(ctx, "campaign.read")?.agencyWide === true;
}

type User = { id: string; name: string; email: string };

type DetailRow = {
  id: string;
  agencyId: string;
  clientId: string;
  name: string;
  objective: string | null;
  brief: string | null;
  briefRevision: number;
  shortlistRevision: number;
  platforms: Platform[];
  startDate: Date | null;
  endDate: Date | null;
  plannedBudget: string | null;
  currency: string;
  ownerId: string;
  directorId: string | null;
  policy: Prisma.JsonValue;
  riskScore: number;
  riskLevel: RiskLevel;
  missingInfo: string[];
  status: CampaignStatus;
  statusBeforeHold: CampaignStatus | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  client: { id: string; name: string };
  owner: User | null;
  director: User | null;
  history: {
    id: string;
    from: CampaignStatus | null;
    to: CampaignStatus;
    reason: string | null;
    createdAt: string;
    changedById: string | null;
    changedByName: string | null;
  }[];
  briefs: { id: string; revision: number; createdAt: string; createdBy: string | null }[];
};

// The campaign (in the caller's scope), its client, owner and director, the newest 200 status changes and the
// brief revisions, each with the name of who made it: one statement. People are looked up inside the
// campaign's agency only, as before (someone not found shows without a name).
const DETAIL = (scope: Prisma.Sql, id: string) => Prisma.sql`
  SELECT c.id, c."agencyId", c."clientId", c.name, c.objective, c.brief, c."briefRevision", c."shortlistRevision",
         c.platforms::text[] AS platforms,
         (c."startDate"::timestamp AT TIME ZONE 'UTC') AS "startDate", (c."endDate"::timestamp AT TIME ZONE 'UTC') AS "endDate",
         c."plannedBudget"::text AS "plannedBudget", c.currency, c."ownerId", c."directorId", c.policy, c."riskScore",
         c."riskLevel", c."missingInfo", c.status, c."statusBeforeHold", c.version, c."createdAt", c."updatedAt",
         json_build_object('id', cl.id, 'name', cl.name) AS client,
         (SELECT json_build_object('id', u.id, 'name', u.name, 'email', u.email) FROM "User" u
           WHERE u.id = c."ownerId" AND u."agencyId" = c."agencyId") AS owner,
         (SELECT json_build_object('id', u.id, 'name', u.name, 'email', u.email) FROM "User" u
           WHERE u.id = c."directorId" AND u."agencyId" = c."agencyId") AS director,
         COALESCE((SELECT json_agg(json_build_object('id', s.id, 'from', s."from", 'to', s."to", 'reason', s.reason,
                     'createdAt', s."createdAt", 'changedById', s."changedById", 'changedByName', s."changedByName")
                     ORDER BY s."createdAt" DESC, s.id DESC)
                   FROM (SELECT s.*, u.name AS "changedByName" FROM "CampaignStatusChange" s
                         LEFT JOIN "User" u ON u.id = s."changedById" AND u."agencyId" = c."agencyId"
                         WHERE s."campaignId" = c.id ORDER BY s."createdAt" DESC, s.id DESC LIMIT 200) s), '[]') AS history,
         COALESCE((SELECT json_agg(json_build_object('id', b.id, 'revision', b.revision, 'createdAt', b."createdAt", 'createdBy', u.name)
                     ORDER BY b.revision DESC)
                   FROM "CampaignBrief" b LEFT JOIN "User" u ON u.id = b."createdById" AND u."agencyId" = c."agencyId"
                   WHERE b."campaignId" = c.id), '[]') AS briefs
  FROM "Campaign" c JOIN "Client" cl ON cl.id = c."clientId"
  WHERE ${scope} AND c.id = ${id}::uuid`;

/** One campaign with client, owner, director, status history (with who) and the list of brief revisions. */
export async function getCampaign(ctx: AuthContext, id: string) {
  const scope = campaignScopeSql(ctx, "campaign.read");
  if (!idSchema.safeParse(id).success) throw notFound("Campaign");
  const row = await queryRow<DetailRow>(DETAIL(scope, id));
  if (!row) throw notFound("Campaign");
  const { client, owner: ownerRow, director, history: historyRows, briefs: briefRows, ...scalars } = row;
  // Money as Prisma's Decimal, as every other read of a campaign returns it (in its place among the fields).
  const campaign = {
    ...scalars,
    plannedBudget: scalars.plannedBudget === null ? null : new Prisma.Decimal(scalars.plannedBudget),
  };
  const owner = ownerRow ?? { id: campaign.ownerId, name: "", email: "" };
  const history = historyRows.map((s) => ({
    id: s.id,
    from: s.from,
    to: s.to,
    reason: s.reason,
    createdAt: new Date(s.createdAt),
    changedBy: s.changedById ? { id: s.changedById, name: s.changedByName } : null,
  }));
  const briefs = briefRows.map((b) => ({
    id: b.id,
    revision: b.revision,
    createdAt: new Date(b.createdAt),
    createdBy: b.createdBy,
  }));
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
