import "server-only";
import type { AuthContext } from "@/lib/auth/context";
import { queryRow } from "@/lib/db/sql";
import { addressedToCallerBranches } from "@/lib/domain/approvals/scope";
import { Prisma } from "@/lib/generated/prisma/client";
import { FINANCE_QUEUE_COUNT_CAP, queueFiltersSchema } from "./schemas";
import type { FinanceQueueItem } from "./view-types";

export type { FinanceQueueItem };

export { FINANCE_QUEUE_COUNT_CAP };

// One item as the statement sends it: a JSON array in the order of ITEM_KEYS (an array per row builds in about
// half the database time of an object with named keys, and parses faster).
const ITEM_KEYS = [
  "approvalId",
  "step",
  "approverRole",
  "requestedAt",
  "dueAt",
  "ageDays",
  "objectId",
  "type",
  "status",
  "title",
  "revision",
  "currency",
  "total",
  "campaignId",
  "campaignName",
  "clientId",
  "clientName",
  "own",
] as const satisfies readonly (keyof FinanceQueueItem)[];
type QueueRow = { counted: number; items: unknown[][] };

// Timestamps as Date.toISOString() writes them (the columns hold milliseconds).
const ISO = Prisma.raw(`'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`);

/**
 * What waits for the caller's decision: pending approvals of financial objects addressed to them (FIN: the
 * first steps; DIR: the above-threshold steps; a client user: what was sent to them), oldest first,
 * filterable by type, campaign, client, currency, amount and age.
 *
 * One statement (docs/performance.md, issue 5):
 * - the page: per way of being addressed (the caller, each approving grant) the oldest `take` items (after the
 *   keyset position `after`, the `nextCursor` of the page before) walked in
 *   order on the partial index ApprovalItem_finance_queue_idx, merged, cut to `take`; only those rows are
 *   joined to their object, campaign and client, and come back as one JSON array. Without object filters the
 *   walk reads the index and the items alone: a pending finance approval always names its object's current
 *   revision (a revision supersedes the pending items, a void cancels them); with object filters each branch
 *   joins the objects to filter them;
 * - the total: the same branches counted on the same index, at most `countCap` + 1 items: `total` is exact up
 *   to the cap; above it `total` is the cap and `totalCapped` is true ("1,000+").
 *
 * `countCap` exists for tests; callers leave it.
 */
export async function listFinanceQueue(
  ctx: AuthContext,
  raw: unknown = {},
  countCap: number = FINANCE_QUEUE_COUNT_CAP,
) {
  const input = queueFiltersSchema.parse(raw ?? {});
  const approval: Prisma.Sql[] = [
    Prisma.sql`a."agencyId" = ${ctx.agencyId}::uuid`,
    Prisma.sql`a."status" = 'PENDING'`,
    Prisma.sql`a."subjectType" = 'FinancialObject'`,
  ];
  if (input.minAgeDays !== undefined)
    approval.push(Prisma.sql`a."createdAt" <= now() - make_interval(days => ${input.minAgeDays}::int)`);
  // Keyset paging on (createdAt, id), the order of the index: a position stays valid when the items before it
  // are decided and leave the queue (an id cursor would not).
  const page: Prisma.Sql[] = [];
  if (input.after) {
    const [at, id] = input.after.split("~");
    page.push(Prisma.sql`(a."createdAt", a.id) > (${at}::timestamptz, ${id}::uuid)`);
  }
  const object: Prisma.Sql[] = [];
  if (input.type?.length) object.push(Prisma.sql`f."type" = ANY(${input.type}::"FinancialObjectType"[])`);
  if (input.campaignId) object.push(Prisma.sql`f."campaignId" = ${input.campaignId}::uuid`);
  if (input.clientId) object.push(Prisma.sql`f."clientId" = ${input.clientId}::uuid`);
  if (input.currency) object.push(Prisma.sql`f."currency" = ${input.currency}`);
  if (input.minAmount) object.push(Prisma.sql`f."total" >= ${input.minAmount}::numeric`);
  if (input.maxAmount) object.push(Prisma.sql`f."total" <= ${input.maxAmount}::numeric`);
  const branches = addressedToCallerBranches(ctx);
  const objectJoin = object.length
    ? Prisma.sql`JOIN "FinancialObject" f ON f.id = a."subjectId" AND f."agencyId" = a."agencyId" AND f."revision" = a."subjectVersion"`
    : Prisma.empty;
  const where = (branch: Prisma.Sql) => Prisma.join([...approval, branch, ...object], " AND ");
  // One more than a page: whether there is a next one.
  const limit = input.take + 1;
  const pageOf = (
    branch: Prisma.Sql,
  ) => Prisma.sql`(SELECT a.id, a."createdAt", a."subjectId", a."subjectVersion", a.step, a."approverRole", a."dueAt"
      FROM "ApprovalItem" a ${objectJoin} WHERE ${Prisma.join([where(branch), ...page], " AND ")} ORDER BY a."createdAt", a.id LIMIT ${limit})`;
  const countOf = (branch: Prisma.Sql) =>
    Prisma.sql`SELECT 1 FROM "ApprovalItem" a ${objectJoin} WHERE ${where(branch)}`;
  const row = await queryRow<QueueRow>(Prisma.sql`
    WITH page AS (
      SELECT * FROM (${Prisma.join(branches.map(pageOf), " UNION ALL ")}) u ORDER BY "createdAt", id LIMIT ${limit}
    )
    SELECT (SELECT count(*) FROM (${Prisma.join(branches.map(countOf), " UNION ALL ")} LIMIT ${countCap + 1}::int) n)::int AS counted,
           (SELECT COALESCE(json_agg(json_build_array(
              p.id, p.step, p."approverRole",
              to_char(p."createdAt" AT TIME ZONE 'UTC', ${ISO}), to_char(p."dueAt" AT TIME ZONE 'UTC', ${ISO}),
              floor(extract(epoch FROM now() - p."createdAt") / 86400)::int,
              f.id, f.type, f.status, f.title, f.revision, f.currency, f.total::text,
              f."campaignId", c.name, f."clientId", cl.name,
              (f."createdById" = ${ctx.userId}::uuid OR f."submittedById" IS NOT DISTINCT FROM ${ctx.userId}::uuid)
            ) ORDER BY p."createdAt", p.id), '[]')
            FROM page p
            JOIN "FinancialObject" f ON f.id = p."subjectId" AND f."agencyId" = ${ctx.agencyId}::uuid AND f."revision" = p."subjectVersion"
            JOIN "Campaign" c ON c.id = f."campaignId"
            JOIN "Client" cl ON cl.id = f."clientId") AS items`);
  const counted = row?.counted ?? 0;
  const all = (row?.items ?? []).map((values) => {
    const item: Record<string, unknown> = {};
    for (let i = 0; i < ITEM_KEYS.length; i++) item[ITEM_KEYS[i]] = values[i];
    return item as FinanceQueueItem;
  });
  const items = all.slice(0, input.take);
  const last = items[items.length - 1];
  const nextCursor = all.length > input.take && last ? `${last.requestedAt}~${last.approvalId}` : null;
  return { total: Math.min(counted, countCap), totalCapped: counted > countCap, items, nextCursor };
}
