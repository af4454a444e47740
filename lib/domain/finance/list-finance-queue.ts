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

/** The branches of "addressed to the caller" (approvals/scope.ts addressedToCaller) as SQL, one per way. */
export function addressedToCallerBranches(ctx: AuthContext, alias = "a"): Prisma.Sql[] {
  const a = Prisma.raw(`"${alias}"`);
  const or: Prisma.Sql[] = [Prisma.sql`${a}."approverUserId" = ${ctx.userId}::uuid`];
  // The branches never overlap (the caller by id; per distinct role and scope, items addressed to nobody by id),
  // so counts per branch add up.
  const seen = new Set<string>();
  for (const grant of ctx.grants) {
    if (!grant.permissions.has("approval.decide") && !grant.permissions.has("finance.approve")) continue;
    const key = `${grant.role}|${grant.scopeType}|${grant.scopeType === "AGENCY" ? "" : (grant.scopeId ?? "")}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const scope = grant.scopeType === "AGENCY" || !grant.scopeId ? Prisma.sql`${a}."approverScopeId" IS NULL` : Prisma.sql`${a}."approverScopeId" = ${grant.scopeId}::uuid`;
    or.push(Prisma.sql`(${a}."approverUserId" IS NULL AND ${a}."approverRole" = ${grant.role}::"Role" AND ${a}."approverScopeType" = ${grant.scopeType}::"ScopeType" AND ${scope})`);
  }
  return or;
}

/** SQL of "addressed to the caller", as approvals/scope.ts addressedToCaller says it for Prisma. */
export function addressedToCallerSql(ctx: AuthContext, alias = "a"): Prisma.Sql {
  return Prisma.sql`(${Prisma.join(addressedToCallerBranches(ctx, alias), " OR ")})`;
}

/**
 * What waits for the caller's decision: pending approvals of financial objects addressed to them (FIN: the
 * first steps; DIR: the above-threshold steps; a client user: what was sent to them), oldest first,
 * filterable by type, campaign, client, currency, amount and age.
 *
 * Two statements in parallel (docs/performance.md, issue 5):
 * - the page: per way of being addressed (the caller, each approving grant) the oldest `take` items walked in
 *   order on the partial index ApprovalItem_finance_queue_idx, joined to their object's current revision and
 *   its filters, merged, cut to `take`; only then the campaign and client names;
 * - the total: a count per branch on the same indexes, added up. Without object filters it counts the pending items alone: a pending
 *   finance approval always names its object's current revision (a revision supersedes the pending items,
 *   a void cancels them), so the join adds nothing but cost; with object filters it joins the objects.
 */
export async function listFinanceQueue(ctx: AuthContext, raw: unknown = {}) {
  const input = queueFiltersSchema.parse(raw ?? {});
  const approval: Prisma.Sql[] = [
    Prisma.sql`a."agencyId" = ${ctx.agencyId}::uuid`,
    Prisma.sql`a."status" = 'PENDING'`,
    Prisma.sql`a."subjectType" = 'FinancialObject'`,
  ];
  if (input.minAgeDays !== undefined) approval.push(Prisma.sql`a."createdAt" <= now() - make_interval(days => ${input.minAgeDays}::int)`);
  const object: Prisma.Sql[] = [];
  if (input.type?.length) object.push(Prisma.sql`f."type"::text IN (${Prisma.join(input.type)})`);
  if (input.campaignId) object.push(Prisma.sql`f."campaignId" = ${input.campaignId}::uuid`);
  if (input.clientId) object.push(Prisma.sql`f."clientId" = ${input.clientId}::uuid`);
  if (input.currency) object.push(Prisma.sql`f."currency" = ${input.currency}`);
  if (input.minAmount) object.push(Prisma.sql`f."total" >= ${input.minAmount}::numeric`);
  if (input.maxAmount) object.push(Prisma.sql`f."total" <= ${input.maxAmount}::numeric`);
  const branches = addressedToCallerBranches(ctx);
  const objectJoin = Prisma.sql`JOIN "FinancialObject" f ON f.id = a."subjectId" AND f."agencyId" = a."agencyId" AND f."revision" = a."subjectVersion"`;
  const pageOf = (branch: Prisma.Sql) => Prisma.sql`(SELECT a.id, a."createdAt" FROM "ApprovalItem" a ${objectJoin}
      WHERE ${Prisma.join([...approval, branch, ...object], " AND ")} ORDER BY a."createdAt", a.id LIMIT ${input.take})`;
  const countOf = (branch: Prisma.Sql) => Prisma.sql`(SELECT count(*) FROM "ApprovalItem" a ${object.length ? objectJoin : Prisma.empty}
      WHERE ${Prisma.join([...approval, branch, ...object], " AND ")})`;
  const [rows, counted] = await Promise.all([
    db.$queryRaw<(Omit<FinanceQueueItem, "requestedAt" | "dueAt"> & { requestedAt: Date; dueAt: Date | null })[]>`
    WITH page AS (
      SELECT id, "createdAt" FROM (${Prisma.join(branches.map(pageOf), " UNION ")}) u ORDER BY "createdAt", id LIMIT ${input.take}
    )
    SELECT a.id AS "approvalId", a.step, a."approverRole", a."createdAt" AS "requestedAt", a."dueAt",
           floor(extract(epoch FROM now() - a."createdAt") / 86400)::int AS "ageDays",
           f.id AS "objectId", f.type, f.status, f.title, f.revision, f.currency, f.total::text AS total,
           f."campaignId", c.name AS "campaignName", f."clientId", cl.name AS "clientName",
           (f."createdById" = ${ctx.userId}::uuid OR f."submittedById" IS NOT DISTINCT FROM ${ctx.userId}::uuid) AS own
    FROM page p
    JOIN "ApprovalItem" a ON a.id = p.id
    JOIN "FinancialObject" f ON f.id = a."subjectId"
    JOIN "Campaign" c ON c.id = f."campaignId"
    JOIN "Client" cl ON cl.id = f."clientId"
    ORDER BY a."createdAt" ASC, a.id`,
    // One count per branch (each on its own index; an OR of them would read the whole table), added up.
    db.$queryRaw<{ n: number }[]>`SELECT (${Prisma.join(branches.map(countOf), " + ")})::int AS n`,
  ]);
  return {
    total: counted[0]?.n ?? 0,
    items: rows.map((row): FinanceQueueItem => {
      const { requestedAt, dueAt, ...r } = row;
      return { ...r, requestedAt: requestedAt.toISOString(), dueAt: dueAt?.toISOString() ?? null };
    }),
  };
}
