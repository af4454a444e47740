import "server-only";
import type { AuthContext } from "@/lib/auth/context";
import { scopeOf } from "@/lib/auth/permissions";
import { queryRows } from "@/lib/db/sql";
import { decodeKeyset, encodeKeyset, KEY_KINDS, type Keyset } from "@/lib/domain/keyset";
import { invalidCursor, pageResult } from "@/lib/domain/pagination";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ClientStatus } from "@/lib/generated/prisma/enums";
import { CLIENT_STATUSES, listClientsSchema, type CLIENT_SORTS } from "./schemas";

type Sort = (typeof CLIENT_SORTS)[number];

// Timestamps as Date.toISOString() writes them (the columns hold milliseconds).
const ISO = Prisma.raw(`'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`);

/** Per order: the column, the sort key as a cursor holds it, the cast back, and what the key may be. */
const SORTS: Record<Sort, { col: Prisma.Sql; key: Prisma.Sql; cast: Prisma.Sql; valid: (key: unknown) => boolean }> = {
  name: { col: Prisma.raw(`"name"`), key: Prisma.sql`c.name`, cast: Prisma.raw("text"), valid: KEY_KINDS.text },
  status: {
    col: Prisma.raw(`"status"`),
    key: Prisma.sql`c.status::text`,
    cast: Prisma.raw(`"ClientStatus"`),
    valid: KEY_KINDS.oneOf(CLIENT_STATUSES),
  },
  createdAt: {
    col: Prisma.raw(`"createdAt"`),
    key: Prisma.sql`to_char(c."createdAt" AT TIME ZONE 'UTC', ${ISO})`,
    cast: Prisma.raw("timestamptz"),
    valid: KEY_KINDS.time,
  },
  updatedAt: {
    col: Prisma.raw(`"updatedAt"`),
    key: Prisma.sql`to_char(c."updatedAt" AT TIME ZONE 'UTC', ${ISO})`,
    cast: Prisma.raw("timestamptz"),
    valid: KEY_KINDS.time,
  },
};

type Filters = { q?: string; status?: ClientStatus; archived: "active" | "archived" | "all" };

/**
 * clientScope (scope.ts) and the list's filters as a condition on the client alias `c`: the tenant always, a
 * client user only their own clients. Like Prisma's `contains`, the search is an ILIKE whose % and _ stay wildcards.
 */
function clientFilterSql(ctx: AuthContext, input: Filters): Prisma.Sql {
  const scope = scopeOf(ctx, "client.read");
  if (!scope) throw new AppError("FORBIDDEN", "You do not have permission to do this");
  const and: Prisma.Sql[] = [Prisma.sql`c."agencyId" = ${ctx.agencyId}::uuid`];
  if (!scope.agencyWide) and.push(Prisma.sql`c.id = ANY(${scope.clientIds}::uuid[])`);
  if (input.q) {
    const like = `%${input.q}%`;
    and.push(
      Prisma.sql`(c.name ILIKE ${like} OR c."legalName" ILIKE ${like} OR c.tags @> ARRAY[${input.q.toLowerCase()}]::text[])`,
    );
  }
  if (input.status) and.push(Prisma.sql`c.status = ${input.status}::"ClientStatus"`);
  if (input.archived === "active") and.push(Prisma.sql`c."archivedAt" IS NULL`);
  if (input.archived === "archived") and.push(Prisma.sql`c."archivedAt" IS NOT NULL`);
  return Prisma.join(and, " AND ");
}

type ListRow = {
  total: number;
  cursorFound: boolean;
  id: string | null;
  name: string;
  legalName: string | null;
  industry: string | null;
  status: ClientStatus;
  defaultCurrency: string;
  country: string | null;
  tags: string[];
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  contacts: number;
  sortKey: string;
};

/**
 * Clients the caller may see: search, filter, sort; keyset pages (`after`, the `next` of the page before), walked on
 * the (agencyId, column, id) order. API clients may still page by number (`page`, an offset) or by the id of the
 * last row (`cursor`, `nextCursor`). One statement: the page, the total of the whole filtered list, whether an id
 * cursor is a row of it, and each row's number of contacts.
 */
export async function listClients(ctx: AuthContext, raw: unknown) {
  const input = listClientsSchema.parse(raw);
  const sort = SORTS[input.sort];
  const order = `${input.sort}:${input.dir}`;
  const at: Keyset | undefined = input.after ? decodeKeyset(input.after, order, sort.valid) : undefined;
  const filter = clientFilterSql(ctx, input);
  const op = Prisma.raw(input.dir === "asc" ? ">" : "<");
  const dir = Prisma.raw(input.dir === "asc" ? "ASC" : "DESC");
  const after = at
    ? Prisma.sql` AND (c.${sort.col}, c.id) ${op} (${at.key}::${sort.cast}, ${at.id}::uuid)`
    : input.cursor
      ? Prisma.sql` AND (c.${sort.col}, c.id) ${op} (SELECT cur.${sort.col}, cur.id FROM cur)`
      : Prisma.empty;
  const cur =
    input.cursor && !at
      ? Prisma.sql`, cur AS (SELECT c.id, c.${sort.col} FROM "Client" c WHERE ${filter} AND c.id = ${input.cursor}::uuid)`
      : Prisma.empty;
  const found = input.cursor && !at ? Prisma.sql`EXISTS (SELECT 1 FROM cur)` : Prisma.sql`true`;
  const offset =
    !at && !input.cursor && (input.page ?? 1) > 1
      ? Prisma.sql` OFFSET ${((input.page ?? 1) - 1) * input.take}::int`
      : Prisma.empty;
  const rows = await queryRows<ListRow>(Prisma.sql`
    WITH head AS (SELECT (SELECT count(*) FROM "Client" c WHERE ${filter})::int AS total)${cur},
    page AS (
      SELECT c.id, c.name, c."legalName", c.industry, c.status, c."defaultCurrency", c.country, c.tags, c."archivedAt",
             c."createdAt", c."updatedAt", c.version, ${sort.key} AS "sortKey",
             row_number() OVER (ORDER BY c.${sort.col} ${dir}, c.id ${dir}) AS ord
      FROM (SELECT c.* FROM "Client" c WHERE ${filter}${after}
            ORDER BY c.${sort.col} ${dir}, c.id ${dir} LIMIT ${Prisma.raw(String(input.take + 1))}${offset}) c
    )
    SELECT head.total, ${found} AS "cursorFound", p.id, p.name, p."legalName", p.industry, p.status, p."defaultCurrency",
           p.country, p.tags, p."archivedAt", p."createdAt", p."updatedAt", p.version, p."sortKey",
           (SELECT count(*) FROM "Contact" ct WHERE ct."agencyId" = ${ctx.agencyId}::uuid AND ct."clientId" = p.id)::int AS contacts
    FROM head LEFT JOIN page p ON true
    ORDER BY p.ord`);
  const head = rows[0];
  // A cursor must be a row the caller can see; anything else is bad input, not a position to page from.
  if (!head.cursorFound) throw invalidCursor();
  const present = rows.filter((r) => r.id !== null);
  const items = present.map((r) => ({
    id: r.id as string,
    name: r.name,
    legalName: r.legalName,
    industry: r.industry,
    status: r.status,
    defaultCurrency: r.defaultCurrency,
    country: r.country,
    tags: r.tags,
    archivedAt: r.archivedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
    _count: { contacts: r.contacts },
  }));
  const result = pageResult(items, head.total, { ...input, page: at ? undefined : input.page });
  // Rows before this page: from the cursor, or the offset of a page number (unknown after an id cursor).
  const before = at ? at.n : input.cursor ? null : ((input.page ?? 1) - 1) * input.take;
  const last = present[result.items.length - 1];
  const next =
    result.nextCursor && last && before !== null
      ? encodeKeyset(order, { key: last.sortKey, id: last.id as string, n: before + result.items.length })
      : null;
  return { ...result, page: at ? null : result.page, offset: before, next, sort: input.sort, dir: input.dir };
}
