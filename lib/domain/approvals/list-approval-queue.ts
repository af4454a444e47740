import "server-only";
import type { AuthContext } from "@/lib/auth/context";
import { queryRows } from "@/lib/db/sql";
import { campaignScopeSql } from "@/lib/domain/campaigns/scope";
import { decodeKeyset, encodeKeyset, KEY_KINDS } from "@/lib/domain/keyset";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ApprovalStatus, ApprovalType } from "@/lib/generated/prisma/enums";
import { listQueueSchema } from "./schemas";
import { addressedToCallerBranches, isAgencyStaff } from "./scope";

/** The queue counts at most this many items: above it, `total` is the cap and `totalCapped` is true ("1,000+"). */
export const APPROVAL_QUEUE_COUNT_CAP = 1000;

const DECIDED = Prisma.raw(`('APPROVED', 'APPROVED_WITH_CONDITIONS', 'CHANGES_REQUESTED', 'REJECTED')`);

// Timestamps as Date.toISOString() writes them (the columns hold milliseconds).
const ISO = Prisma.raw(`'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`);

type Row = {
  counted: number;
  id: string | null;
  type: ApprovalType;
  status: ApprovalStatus;
  subjectType: string;
  subjectId: string;
  subjectVersion: number;
  dueAt: Date | null;
  expiresAt: Date | null;
  decidedAt: Date | null;
  createdAt: Date;
  campaignId: string;
  campaignName: string;
  clientName: string;
  comments: number;
  sortKey: string | null;
};

/**
 * The caller's approval queue: items addressed to them (by name or by a role and scope they hold), pending by
 * default and not yet expired, soonest due first (no due date last); decided ones (and ALL) newest first. Keyset
 * pages: `after` is the `next` of the page before; `page` (an offset) still works for API clients.
 *
 * One statement. Each way of being addressed (addressedToCallerBranches: the caller by id, each approving role and
 * scope; disjoint) walks its own index in the queue's order from the keyset position, the (approverUserId, status,
 * dueAt, id) and (agencyId, approverRole, approverScopeType, approverScopeId, status, dueAt, id) indexes, and the
 * walks are merged and cut to the page. A due date sorts as a row comparison (dueAt, id), so the walk starts at the
 * position; the items without one (the app always sets it; older rows may not) are a second walk on the same index
 * (`dueAt IS NULL`, by id). Only the page's rows are joined to their campaign, client and comment count. The total
 * is counted over the same branches, at most APPROVAL_QUEUE_COUNT_CAP + 1 items. Agency staff read everything
 * addressed to them (their approvals scope adds nothing to it); anyone else only on campaigns they may read.
 */
export async function listApprovalQueue(ctx: AuthContext, raw: unknown = {}) {
  const input = listQueueSchema.parse(raw);
  const pending = input.status === "PENDING";
  const order = `queue:${input.status}`;
  const at = input.after
    ? decodeKeyset(input.after, order, (k) => (pending ? k === null || KEY_KINDS.time(k) : KEY_KINDS.time(k)))
    : undefined;
  const status =
    input.status === "PENDING"
      ? Prisma.sql`a.status = 'PENDING' AND (a."expiresAt" IS NULL OR a."expiresAt" > now())`
      : input.status === "DECIDED"
        ? Prisma.sql`a.status IN ${DECIDED}`
        : Prisma.sql`true`;
  const scope = isAgencyStaff(ctx)
    ? Prisma.empty
    : Prisma.sql` AND EXISTS (SELECT 1 FROM "Campaign" c WHERE c.id = a."campaignId" AND ${campaignScopeSql(ctx, "campaign.read")})`;
  const base = Prisma.sql`a."agencyId" = ${ctx.agencyId}::uuid AND ${status}${scope}`;
  const branches = addressedToCallerBranches(ctx);
  const offset = at ? 0 : (input.page - 1) * input.take;
  // One more than a page tells whether there is a next one.
  const limit = Prisma.raw(String(offset + input.take + 1));
  const cols = Prisma.sql`a.id, a."dueAt", a."updatedAt"`;

  // The walks of one branch, in the queue's order, from the position.
  const walks = (branch: Prisma.Sql): Prisma.Sql[] => {
    if (!pending) {
      const after = at
        ? Prisma.sql` AND (a."updatedAt", a.id) < (${at.key}::timestamptz, ${at.id}::uuid)`
        : Prisma.empty;
      return [
        Prisma.sql`(SELECT ${cols} FROM "ApprovalItem" a WHERE ${base} AND ${branch}${after} ORDER BY a."updatedAt" DESC, a.id DESC LIMIT ${limit})`,
      ];
    }
    const dated =
      at?.key === null
        ? null
        : Prisma.sql`(SELECT ${cols} FROM "ApprovalItem" a WHERE ${base} AND ${branch} AND ${
            at
              ? Prisma.sql`(a."dueAt", a.id) > (${at.key}::timestamptz, ${at.id}::uuid)`
              : Prisma.sql`a."dueAt" IS NOT NULL`
          } ORDER BY a."dueAt", a.id LIMIT ${limit})`;
    const undated = Prisma.sql`(SELECT ${cols} FROM "ApprovalItem" a WHERE ${base} AND ${branch} AND a."dueAt" IS NULL${
      at?.key === null ? Prisma.sql` AND a.id > ${at.id}::uuid` : Prisma.empty
    } ORDER BY a.id LIMIT ${limit})`;
    return dated ? [dated, undated] : [undated];
  };
  const orderBy = pending ? Prisma.sql`p."dueAt" ASC NULLS LAST, p.id ASC` : Prisma.sql`p."updatedAt" DESC, p.id DESC`;
  const rows = await queryRows<Row>(Prisma.sql`
    WITH page AS (
      SELECT p.*, row_number() OVER (ORDER BY ${orderBy}) AS ord
      FROM (${Prisma.join(branches.flatMap(walks), " UNION ALL ")}) p
      ORDER BY ${orderBy} LIMIT ${limit}${offset ? Prisma.sql` OFFSET ${offset}::int` : Prisma.empty}
    ),
    head AS (
      SELECT count(*)::int AS counted FROM (
        SELECT 1 FROM "ApprovalItem" a WHERE ${base} AND (${Prisma.join(branches, " OR ")}) LIMIT ${APPROVAL_QUEUE_COUNT_CAP + 1}::int
      ) n
    )
    SELECT head.counted, a.id, a.type, a.status, a."subjectType", a."subjectId", a."subjectVersion", a."dueAt", a."expiresAt",
           a."decidedAt", a."createdAt", a."campaignId", c.name AS "campaignName", cl.name AS "clientName",
           (SELECT count(*) FROM "ApprovalComment" ac WHERE ac."approvalId" = a.id)::int AS comments,
           ${
             pending
               ? Prisma.sql`CASE WHEN a."dueAt" IS NULL THEN NULL ELSE to_char(a."dueAt" AT TIME ZONE 'UTC', ${ISO}) END`
               : Prisma.sql`to_char(a."updatedAt" AT TIME ZONE 'UTC', ${ISO})`
           } AS "sortKey"
    FROM head
    LEFT JOIN page p ON true
    LEFT JOIN "ApprovalItem" a ON a.id = p.id
    LEFT JOIN "Campaign" c ON c.id = a."campaignId"
    LEFT JOIN "Client" cl ON cl.id = c."clientId"
    ORDER BY p.ord`);
  const counted = rows[0]?.counted ?? 0;
  const present = rows.filter((r) => r.id !== null);
  const items = present.slice(0, input.take).map((r) => ({
    id: r.id as string,
    type: r.type,
    status: r.status,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    subjectVersion: r.subjectVersion,
    dueAt: r.dueAt,
    expiresAt: r.expiresAt,
    decidedAt: r.decidedAt,
    createdAt: r.createdAt,
    campaign: { id: r.campaignId, name: r.campaignName, client: { name: r.clientName } },
    _count: { comments: r.comments },
  }));
  const before = at ? at.n : offset;
  const last = present[items.length - 1];
  const next =
    present.length > input.take && last
      ? encodeKeyset(order, { key: last.sortKey, id: last.id as string, n: before + items.length })
      : null;
  return {
    items,
    total: Math.min(counted, APPROVAL_QUEUE_COUNT_CAP),
    totalCapped: counted > APPROVAL_QUEUE_COUNT_CAP,
    page: at ? Math.floor(before / input.take) + 1 : input.page,
    pageSize: input.take,
    offset: before,
    next,
  };
}
