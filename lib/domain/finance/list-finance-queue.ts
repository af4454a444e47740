import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FinancialObjectType, FinancialStatus, Role } from "@/lib/generated/prisma/enums";
import { queueFiltersSchema } from "./schemas";

export type FinanceQueueItem = {
  approvalId: string;
  step: number;
  approverRole: Role | null;
  requestedAt: string;
  dueAt: string | null;
  /** Whole days waiting. */
  ageDays: number;
  objectId: string;
  type: FinancialObjectType;
  status: FinancialStatus;
  title: string;
  revision: number;
  currency: string;
  total: string;
  campaignId: string;
  campaignName: string;
  clientId: string;
  clientName: string;
  /** The caller created or submitted it: shown, but someone else must decide. */
  own: boolean;
};

/** SQL of "addressed to the caller", as approvals/scope.ts addressedToCaller says it for Prisma. */
export function addressedToCallerSql(ctx: AuthContext, alias = "a"): Prisma.Sql {
  const a = Prisma.raw(`"${alias}"`);
  const or: Prisma.Sql[] = [Prisma.sql`${a}."approverUserId" = ${ctx.userId}::uuid`];
  for (const grant of ctx.grants) {
    if (!grant.permissions.has("approval.decide") && !grant.permissions.has("finance.approve")) continue;
    const scope = grant.scopeType === "AGENCY" || !grant.scopeId ? Prisma.sql`${a}."approverScopeId" IS NULL` : Prisma.sql`${a}."approverScopeId" = ${grant.scopeId}::uuid`;
    or.push(Prisma.sql`(${a}."approverUserId" IS NULL AND ${a}."approverRole" = ${grant.role}::"Role" AND ${a}."approverScopeType" = ${grant.scopeType}::"ScopeType" AND ${scope})`);
  }
  return Prisma.sql`(${Prisma.join(or, " OR ")})`;
}

/**
 * What waits for the caller's decision: pending approvals of financial objects addressed to them (FIN: the
 * first steps; DIR: the above-threshold steps; a client user: what was sent to them), oldest first,
 * filterable by type, campaign, client, currency, amount and age. One statement on the partial index
 * ApprovalItem_finance_pending_idx.
 */
export async function listFinanceQueue(ctx: AuthContext, raw: unknown = {}) {
  const input = queueFiltersSchema.parse(raw ?? {});
  const where: Prisma.Sql[] = [
    Prisma.sql`a."agencyId" = ${ctx.agencyId}::uuid`,
    Prisma.sql`a."status" = 'PENDING'`,
    Prisma.sql`a."subjectType" = 'FinancialObject'`,
    addressedToCallerSql(ctx),
    Prisma.sql`f."revision" = a."subjectVersion"`,
  ];
  if (input.type?.length) where.push(Prisma.sql`f."type"::text IN (${Prisma.join(input.type)})`);
  if (input.campaignId) where.push(Prisma.sql`f."campaignId" = ${input.campaignId}::uuid`);
  if (input.clientId) where.push(Prisma.sql`f."clientId" = ${input.clientId}::uuid`);
  if (input.currency) where.push(Prisma.sql`f."currency" = ${input.currency}`);
  if (input.minAmount) where.push(Prisma.sql`f."total" >= ${input.minAmount}::numeric`);
  if (input.maxAmount) where.push(Prisma.sql`f."total" <= ${input.maxAmount}::numeric`);
  if (input.minAgeDays !== undefined) where.push(Prisma.sql`a."createdAt" <= now() - make_interval(days => ${input.minAgeDays}::int)`);
  const rows = await db.$queryRaw<(Omit<FinanceQueueItem, "requestedAt" | "dueAt"> & { requestedAt: Date; dueAt: Date | null; totalCount: bigint })[]>`
    SELECT a.id AS "approvalId", a.step, a."approverRole", a."createdAt" AS "requestedAt", a."dueAt",
           floor(extract(epoch FROM now() - a."createdAt") / 86400)::int AS "ageDays",
           f.id AS "objectId", f.type, f.status, f.title, f.revision, f.currency, f.total::text AS total,
           f."campaignId", c.name AS "campaignName", f."clientId", cl.name AS "clientName",
           (f."createdById" = ${ctx.userId}::uuid OR f."submittedById" IS NOT DISTINCT FROM ${ctx.userId}::uuid) AS own,
           count(*) OVER () AS "totalCount"
    FROM "ApprovalItem" a
    JOIN "FinancialObject" f ON f.id = a."subjectId" AND f."agencyId" = a."agencyId"
    JOIN "Campaign" c ON c.id = f."campaignId"
    JOIN "Client" cl ON cl.id = f."clientId"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY a."createdAt" ASC, a.id
    LIMIT ${input.take}`;
  return {
    total: rows.length ? Number(rows[0].totalCount) : 0,
    items: rows.map((row): FinanceQueueItem => {
      const { requestedAt, dueAt, ...r } = row;
      delete (r as Partial<typeof row>).totalCount;
      return { ...r, requestedAt: requestedAt.toISOString(), dueAt: dueAt?.toISOString() ?? null };
    }),
  };
}
