import "server-only";
import { queryRows } from "@/lib/db/sql";
import { decodeKeyset, encodeKeyset, KEY_KINDS, type Keyset } from "@/lib/domain/keyset";
import { invalidCursor, pageResult } from "@/lib/domain/pagination";
import type { AuthContext } from "@/lib/auth/context";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CampaignStatus, Platform, RiskLevel } from "@/lib/generated/prisma/enums";
import { listCampaignsSchema, type CAMPAIGN_SORTS } from "./schemas";
import { ALL_STATUSES } from "./status-machine";
import { campaignScope, campaignScopeSql } from "./scope";

type Filters = {
  q?: string;
  clientId?: string;
  ownerId?: string;
  status?: string[];
  riskLevel?: string[];
  from?: string;
  to?: string;
};

/** The filters shared by the list and the board, inside the caller's scope. */
export function campaignFilterWhere(ctx: AuthContext, input: Filters): Prisma.CampaignWhereInput {
  const day = (v: string) => new Date(`${v}T00:00:00.000Z`);
  return {
    AND: [
      campaignScope(ctx, "campaign.read"),
      input.q ? { name: { contains: input.q, mode: "insensitive" } } : {},
      input.clientId ? { clientId: input.clientId } : {},
      input.ownerId ? { ownerId: input.ownerId } : {},
      input.status?.length ? { status: { in: input.status as Prisma.EnumCampaignStatusFilter["in"] } } : {},
      input.riskLevel?.length ? { riskLevel: { in: input.riskLevel as Prisma.EnumRiskLevelFilter["in"] } } : {},
      // A date range keeps the campaigns running during it: started by its end, not ended before its start.
      input.to ? { startDate: { lte: day(input.to) } } : {},
      input.from ? { endDate: { gte: day(input.from) } } : {},
    ],
  };
}

/**
 * campaignFilterWhere as a condition on the campaign alias `c` of a hand-written statement. Like Prisma's
 * `contains`, the search is an ILIKE whose % and _ stay wildcards.
 */
export function campaignFilterSql(ctx: AuthContext, input: Filters): Prisma.Sql {
  const and: Prisma.Sql[] = [campaignScopeSql(ctx, "campaign.read")];
  // The statement is prepared and PostgreSQL soon plans it once for every search: a search under three
  // characters has no trigram, so it must not be planned on the trigram index (a scan of the whole index, ~40 ms
  // at 10,000 campaigns): it is its own statement, on an expression the index does not cover.
  if (input.q)
    and.push(
      input.q.length >= 3
        ? Prisma.sql`c.name ILIKE ${`%${input.q}%`}`
        : Prisma.sql`(c.name || '') ILIKE ${`%${input.q}%`}`,
    );
  if (input.clientId) and.push(Prisma.sql`c."clientId" = ${input.clientId}::uuid`);
  if (input.ownerId) and.push(Prisma.sql`c."ownerId" = ${input.ownerId}::uuid`);
  // One status is an equality, so the (agencyId, status, updatedAt) index also gives the order of the page.
  if (input.status?.length === 1) and.push(Prisma.sql`c.status = ${input.status[0]}::"CampaignStatus"`);
  else if (input.status?.length) and.push(Prisma.sql`c.status = ANY(${input.status}::"CampaignStatus"[])`);
  if (input.riskLevel?.length === 1) and.push(Prisma.sql`c."riskLevel" = ${input.riskLevel[0]}::"RiskLevel"`);
  else if (input.riskLevel?.length) and.push(Prisma.sql`c."riskLevel" = ANY(${input.riskLevel}::"RiskLevel"[])`);
  if (input.to) and.push(Prisma.sql`c."startDate" <= ${input.to}::date`);
  if (input.from) and.push(Prisma.sql`c."endDate" >= ${input.from}::date`);
  return Prisma.join(and, " AND ");
}

type Sort = (typeof CAMPAIGN_SORTS)[number];

const SORT_COLUMNS: Record<Sort, Prisma.Sql> = {
  name: Prisma.raw(`"name"`),
  status: Prisma.raw(`"status"`),
  startDate: Prisma.raw(`"startDate"`),
  endDate: Prisma.raw(`"endDate"`),
  riskScore: Prisma.raw(`"riskScore"`),
  createdAt: Prisma.raw(`"createdAt"`),
  updatedAt: Prisma.raw(`"updatedAt"`),
};
const NULLABLE_SORTS: ReadonlySet<Sort> = new Set(["startDate", "endDate"]);

// Timestamps as Date.toISOString() writes them (the columns hold milliseconds).
const ISO = Prisma.raw(`'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`);

/** Per order: the sort key of a row as the cursor holds it, the cast back to the column's type, what may be in it. */
const KEYSET: Record<Sort, { key: Prisma.Sql; cast: Prisma.Sql; valid: (key: unknown) => boolean }> = {
  name: { key: Prisma.sql`c.name`, cast: Prisma.raw("text"), valid: KEY_KINDS.text },
  status: {
    key: Prisma.sql`c.status::text`,
    cast: Prisma.raw(`"CampaignStatus"`),
    valid: KEY_KINDS.oneOf(ALL_STATUSES),
  },
  riskScore: { key: Prisma.sql`c."riskScore"`, cast: Prisma.raw("int"), valid: KEY_KINDS.int },
  startDate: { key: Prisma.sql`c."startDate"::text`, cast: Prisma.raw("date"), valid: KEY_KINDS.nullableDay },
  endDate: { key: Prisma.sql`c."endDate"::text`, cast: Prisma.raw("date"), valid: KEY_KINDS.nullableDay },
  createdAt: {
    key: Prisma.sql`to_char(c."createdAt" AT TIME ZONE 'UTC', ${ISO})`,
    cast: Prisma.raw("timestamptz"),
    valid: KEY_KINDS.time,
  },
  updatedAt: {
    key: Prisma.sql`to_char(c."updatedAt" AT TIME ZONE 'UTC', ${ISO})`,
    cast: Prisma.raw("timestamptz"),
    valid: KEY_KINDS.time,
  },
};

/**
 * The rows after a keyset position in the list's order, as a condition on `c`: one row comparison on (sort column,
 * id), so the walk starts at the position in the (agencyId, column, id) index; the dates' NULLs sort last both ways.
 */
function afterKeysetSql(sort: Sort, dir: "asc" | "desc", at: Keyset): Prisma.Sql {
  const col = SORT_COLUMNS[sort];
  const op = Prisma.raw(dir === "asc" ? ">" : "<");
  if (at.key === null) return Prisma.sql`(c.${col} IS NULL AND c.id ${op} ${at.id}::uuid)`;
  const row = Prisma.sql`(c.${col}, c.id) ${op} (${at.key}::${KEYSET[sort].cast}, ${at.id}::uuid)`;
  return NULLABLE_SORTS.has(sort) ? Prisma.sql`(${row} OR c.${col} IS NULL)` : row;
}

/**
 * The rows after the cursor row in the list's order (sort column, then id, both in `dir`; the dates put their
 * nulls last either way), as a condition on `c` against the cursor row `cur`.
 */
function afterCursorSql(sort: Sort, dir: "asc" | "desc"): Prisma.Sql {
  const col = SORT_COLUMNS[sort];
  const op = Prisma.raw(dir === "asc" ? ">" : "<");
  if (!NULLABLE_SORTS.has(sort)) return Prisma.sql`(c.${col}, c.id) ${op} (cur.${col}, cur.id)`;
  return Prisma.sql`(CASE WHEN cur.${col} IS NULL THEN c.${col} IS NULL AND c.id ${op} cur.id
    ELSE c.${col} IS NULL OR (c.${col}, c.id) ${op} (cur.${col}, cur.id) END)`;
}

type ListRow = {
  total: number;
  sortKey: string | number | null;
  cursorFound: boolean;
  id: string | null;
  name: string;
  status: CampaignStatus;
  riskLevel: RiskLevel;
  riskScore: number;
  startDate: Date | null;
  endDate: Date | null;
  plannedBudget: string | null;
  currency: string;
  platforms: Platform[];
  missingInfo: string[];
  updatedAt: Date;
  clientId: string;
  clientName: string;
  ownerId: string;
  ownerName: string;
};

/**
 * Campaigns the caller may see: filter, search by name, sort; keyset pages (`after`, the `next` of the page before).
 * API clients may still page by number (`page`, an offset) or by the id of the last row (`cursor`, `nextCursor`).
 */
export async function listCampaigns(ctx: AuthContext, raw: unknown) {
  const input = listCampaignsSchema.parse(raw);
  const order = `${input.sort}:${input.dir}`;
  const at = input.after ? decodeKeyset(input.after, order, KEYSET[input.sort].valid) : undefined;
  const where = at
    ? Prisma.sql`${campaignFilterSql(ctx, input)} AND ${afterKeysetSql(input.sort, input.dir, at)}`
    : campaignFilterSql(ctx, input);
  // The total is of the whole filtered list, not of what follows the position.
  const counted = at ? campaignFilterSql(ctx, input) : where;
  const col = SORT_COLUMNS[input.sort];
  const dir = Prisma.raw(input.dir === "asc" ? "ASC" : "DESC");
  const nulls = NULLABLE_SORTS.has(input.sort) ? Prisma.raw(" NULLS LAST") : Prisma.empty;
  // The page size (an integer 1..100, checked by the schema) is written into the text and page 1 has no
  // OFFSET: PostgreSQL then plans the prepared list once instead of on every call (docs/decisions.md).
  // One statement: the page (one row more than asked tells whether there is a next one), the total of the
  // whole filtered list and, with a cursor, whether the cursor is a row of it. The page is left-joined to the
  // one-row head so an empty page still brings its total.
  const cursor = at
    ? { cte: Prisma.empty, from: Prisma.empty, found: Prisma.sql`true`, offset: Prisma.empty }
    : input.cursor
      ? {
          cte: Prisma.sql`, cur AS (SELECT c.id, c.${col} FROM "Campaign" c WHERE ${where} AND c.id = ${input.cursor}::uuid)`,
          from: Prisma.sql` JOIN cur ON ${afterCursorSql(input.sort, input.dir)}`,
          found: Prisma.sql`EXISTS (SELECT 1 FROM cur)`,
          offset: Prisma.empty,
        }
      : {
          cte: Prisma.empty,
          from: Prisma.empty,
          found: Prisma.sql`true`,
          offset:
            (input.page ?? 1) > 1 ? Prisma.sql` OFFSET ${((input.page ?? 1) - 1) * input.take}::int` : Prisma.empty,
        };
  const rows = await queryRows<ListRow>(Prisma.sql`
    WITH head AS (SELECT (SELECT count(*) FROM "Campaign" c WHERE ${counted})::int AS total)${cursor.cte},
    page AS (
      SELECT c.id, c.name, c.status, c."riskLevel", c."riskScore",
             (c."startDate"::timestamp AT TIME ZONE 'UTC') AS "startDate", (c."endDate"::timestamp AT TIME ZONE 'UTC') AS "endDate",
             c."plannedBudget"::text AS "plannedBudget", c.currency, c.platforms::text[] AS platforms, c."missingInfo", c."updatedAt",
             c."clientId", c."ownerId", ${KEYSET[input.sort].key} AS "sortKey", row_number() OVER (ORDER BY c.${col} ${dir}${nulls}, c.id ${dir}) AS ord
      FROM (SELECT c.* FROM "Campaign" c${cursor.from} WHERE ${where}
            ORDER BY c.${col} ${dir}${nulls}, c.id ${dir} LIMIT ${Prisma.raw(String(input.take + 1))}${cursor.offset}) c
    )
    SELECT head.total, ${cursor.found} AS "cursorFound", p.id, p.name, p.status, p."riskLevel", p."riskScore", p."startDate", p."endDate",
           p."plannedBudget", p.currency, p.platforms, p."missingInfo", p."updatedAt",
           p."clientId", cl.name AS "clientName", p."ownerId", u.name AS "ownerName", p."sortKey"
    FROM head
    LEFT JOIN page p ON true
    LEFT JOIN "Client" cl ON cl.id = p."clientId"
    LEFT JOIN "User" u ON u.id = p."ownerId"
    ORDER BY p.ord`);
  const head = rows[0];
  if (!head.cursorFound) throw invalidCursor();
  const items = rows
    .filter((r) => r.id !== null)
    .map((r) => ({
      id: r.id as string,
      name: r.name,
      status: r.status,
      riskLevel: r.riskLevel,
      riskScore: r.riskScore,
      startDate: r.startDate,
      endDate: r.endDate,
      plannedBudget: r.plannedBudget === null ? null : new Prisma.Decimal(r.plannedBudget),
      currency: r.currency,
      platforms: r.platforms,
      missingInfo: r.missingInfo,
      updatedAt: r.updatedAt,
      client: { id: r.clientId, name: r.clientName },
      owner: { id: r.ownerId, name: r.ownerName },
    }));
  const result = pageResult(items, head.total, { ...input, page: at ? undefined : input.page });
  // Rows before this page: from the cursor, or the offset of a page number.
  const offset = at ? at.n : input.cursor ? null : ((input.page ?? 1) - 1) * input.take;
  const lastRow = rows.filter((r) => r.id !== null)[result.items.length - 1];
  const next =
    result.nextCursor && lastRow && offset !== null
      ? encodeKeyset(order, { key: lastRow.sortKey, id: lastRow.id as string, n: offset + result.items.length })
      : null;
  return { ...result, page: at ? null : result.page, offset, next, sort: input.sort, dir: input.dir };
}

export type CampaignListItem = Awaited<ReturnType<typeof listCampaigns>>["items"][number];
