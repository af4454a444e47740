import "server-only";
import { queryRow, queryRows } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import type { AuthContext } from "@/lib/auth/context";
import { Prisma } from "@/lib/generated/prisma/client";
import { normalizeHandle, searchInfluencersSchema, type SearchInfluencersFilters } from "./schemas";
import { influencerScope } from "./scope";

// The directory search. A text term is matched typo-tolerantly with pg_trgm on the profile's search column
// (display name and handles, kept by triggers), in one GIN index scan with the tenant and the country filter
// (btree_gin: the tenant leads, so a small agency reads its own few postings, never a big neighbour's), so the
// filters narrow the candidates before anything is read or scored; the other filters and the score apply to
// those few rows. A term search reads and ranks at most CANDIDATE_CAP matches; a listing without a term counts
// up to COUNT_CAP: a capped count is enough for "1,000+ results" and does not scan the whole directory.
// Pages are keyset pages (`after`, the cursor of the last row: its sort key and id), stable when ranks tie.
// Every statement is planned with its own values (never a generic plan, whose cost drifted 18 → 70 ms after five
// calls) and runs under the search's own statement_timeout (databaseTimeouts().search): past it the search is
// answered "narrow it", not run on for seconds.
// All SQL is built from tagged templates (parameters, never concatenated strings), with the tenant in
// every WHERE.

export const COUNT_CAP = 1000;

/**
 * How many matches of a term are read and ranked at most. Ranking needs every candidate scored, and a common name
 * matches thousands of profiles on the scale data (schmit: 1,379 in one agency, 4,045 candidates for the index
 * recheck, 260-580 ms); the cap bounds a term search's cost whatever the term. Beyond it the count says "300+".
 */
export const CANDIDATE_CAP = 300;

export type InfluencerSearchRow = {
  id: string;
  displayName: string;
  profileType: "STUB" | "FULL";
  status: "ACTIVE" | "INACTIVE" | "BLOCKED";
  country: string | null;
  niches: string[];
  languages: string[];
  totalFollowers: number;
  topEngagement: string | null;
  updatedAt: Date;
  score: number | null;
  socials: { platform: string; handle: string; followers: number; engagementRate: string | null }[];
};

export type InfluencerSearchResult = {
  items: InfluencerSearchRow[];
  /** Exact up to COUNT_CAP (CANDIDATE_CAP with a term); `totalCapped` says when there are more. */
  total: number;
  totalCapped: boolean;
  page: number;
  pageSize: number;
  /** How many rows come before this page (for "Showing 26–50"). */
  offset: number;
  hasMore: boolean;
  /** The cursor of the next page (`after`), null on the last page. */
  next: string | null;
  sort: string;
  dir: "asc" | "desc";
};

function filterConditions(agencyId: string, f: SearchInfluencersFilters, alias: Prisma.Sql): Prisma.Sql[] {
  const p = alias;
  const conditions: Prisma.Sql[] = [Prisma.sql`${p}."agencyId" = ${agencyId}::uuid`];
  if (f.status) conditions.push(Prisma.sql`${p}."status" = ${f.status}::"InfluencerStatus"`);
  if (f.profileType) conditions.push(Prisma.sql`${p}."profileType" = ${f.profileType}::"ProfileType"`);
  if (f.country) conditions.push(Prisma.sql`${p}."country" = ${f.country}`);
  if (f.niche) conditions.push(Prisma.sql`${p}."niches" @> ARRAY[${f.niche}]::text[]`);
  if (f.language) conditions.push(Prisma.sql`${p}."languages" @> ARRAY[${f.language}]::text[]`);
  if (f.minFollowers !== undefined) conditions.push(Prisma.sql`${p}."totalFollowers" >= ${f.minFollowers}::int`);
  if (f.maxFollowers !== undefined) conditions.push(Prisma.sql`${p}."totalFollowers" <= ${f.maxFollowers}::int`);
  if (f.minEngagement !== undefined) conditions.push(Prisma.sql`${p}."topEngagement" >= ${f.minEngagement}::numeric`);
  if (f.maxEngagement !== undefined) conditions.push(Prisma.sql`${p}."topEngagement" <= ${f.maxEngagement}::numeric`);
  // The profile's platforms, kept by triggers from its social accounts: read on the candidate row itself.
  if (f.platform) conditions.push(Prisma.sql`${p}."socialPlatforms" @> ARRAY[${f.platform}]::text[]`);
  return conditions;
}

export type MatchMode = "substring" | "fuzzy";

/** `%`, `_` and `\` are literal in a search term. */
function likePattern(term: string) {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The text condition on the profile's search column (display name and handles, lower-case, kept by
 * triggers), served by the GIN index on ("country", "searchText" gin_trgm_ops) together with the country
 * filter. "substring" finds names and handles containing the term (ILIKE);
 * "fuzzy" adds the ones that resemble it (`<%` word similarity, `%` similarity of the name: typo-tolerant, slower) —
 * the search runs it only when the substring pass finds less than a page.
 */
function textMatch(q: string, mode: MatchMode, alias: Prisma.Sql): Prisma.Sql {
  const handle = normalizeHandle(q).replace(/\s+/g, "");
  const col = Prisma.sql`${alias}."searchText"`;
  // The column is lower-case: when the handle form of the term is just the term lower-cased, ILIKE covers it.
  const substring =
    handle === q.toLowerCase()
      ? Prisma.sql`${col} ILIKE ${likePattern(q)}`
      : Prisma.sql`${col} ILIKE ${likePattern(q)} OR ${col} LIKE ${likePattern(handle)}`;
  if (mode === "substring") return Prisma.sql`(${substring})`;
  // Word similarity (`<%`) against the whole column covers the name and every handle; the whole-string
  // similarity (`%`) needs the name alone (a longer column lowers it) and uses the name's trigram index.
  // pg_trgm compares lower-cased trigrams: when the handle form is the term lower-cased, one `<%` covers both.
  const words =
    handle === q.toLowerCase() ? Prisma.sql`${q} <% ${col}` : Prisma.sql`${q} <% ${col} OR ${handle} <% ${col}`;
  // Cheapest first: each candidate the index finds is rechecked against this OR, which stops at the first arm that
  // holds; the name's similarity (a short string) decides most, word similarity over the whole column is the
  // dearest (measured on the scale data, schmit: 90 → 37 ms median for the candidate scan, under load).
  return Prisma.sql`(${alias}."displayName" % ${q} OR ${substring} OR ${words})`;
}

/**
 * How well a profile matches the term (0..1). An exact handle is 1. A profile whose name contains the term is
 * ranked by its name: how much of the name the term is (similarity) and how well it matches a word of it
 * (word similarity). Otherwise the better of the name and the closest handle. Scoring every handle costs
 * about as much as the rest of the search together (measured: 2.4 → 1.5 ms per statement on the scale data
 * when the name decides), so the handles are scored only when the name does not contain the term.
 */
function scoreSql(q: string, alias: Prisma.Sql): Prisma.Sql {
  const handle = normalizeHandle(q).replace(/\s+/g, "");
  const name = Prisma.sql`(similarity(${alias}."displayName", ${q}) + word_similarity(${q}, ${alias}."displayName")) / 2`;
  return Prisma.sql`CASE
      WHEN ${alias}."socialHandles" @> ARRAY[${handle}]::text[] THEN 1::real
      WHEN ${alias}."displayName" ILIKE ${likePattern(q)} THEN ${name}
      ELSE GREATEST(${name},
        (SELECT max((similarity(h, ${handle}) + word_similarity(${handle}, h)) / 2) FROM unnest(${alias}."socialHandles") h)) END`;
}

type Dir = "asc" | "desc";

/**
 * The sort keys of an order, each with the type its cursor value is cast back to; the id (in the same direction)
 * always closes the list, so no two rows tie and a keyset page never skips or repeats one. Engagement puts the
 * profiles without a figure last in both directions (a sentinel below or above every rate: numeric(6,3) < 1000).
 */
function sortKeys(alias: Prisma.Sql, score: Prisma.Sql, sort: string, dir: Dir, hasTerm: boolean) {
  const keys: { sql: Prisma.Sql; type: Prisma.Sql }[] = [];
  const key = (sql: Prisma.Sql, type: string) => keys.push({ sql, type: Prisma.raw(type) });
  switch (sort) {
    case "followers":
      key(Prisma.sql`${alias}."totalFollowers"`, "int");
      break;
    case "engagement":
      key(Prisma.sql`COALESCE(${alias}."topEngagement", ${dir === "desc" ? -1 : 1000}::numeric)`, "numeric");
      break;
    case "updated":
      key(Prisma.sql`${alias}."updatedAt"`, "timestamptz");
      break;
    case "relevance":
      if (hasTerm) key(score, "real");
      key(Prisma.sql`${alias}."totalFollowers"`, "int");
      break;
    default:
      key(Prisma.sql`${alias}."displayName"`, "text");
  }
  key(Prisma.sql`${alias}."id"`, "uuid");
  return keys;
}

function orderBy(alias: Prisma.Sql, score: Prisma.Sql, sort: string, dir: Dir, hasTerm: boolean): Prisma.Sql {
  const d = dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  return Prisma.join(
    sortKeys(alias, score, sort, dir, hasTerm).map((k) => Prisma.sql`${k.sql} ${d}`),
    ", ",
  );
}

/** The rows after the cursor in this order: one row comparison over the sort keys and the id. */
function afterCursor(
  alias: Prisma.Sql,
  score: Prisma.Sql,
  sort: string,
  dir: Dir,
  hasTerm: boolean,
  cursor: Cursor,
): Prisma.Sql {
  const keys = sortKeys(alias, score, sort, dir, hasTerm);
  const left = Prisma.join(
    keys.map((k) => k.sql),
    ", ",
  );
  const right = Prisma.join(
    keys.map((k, i) => Prisma.sql`${cursor.k[i]}::${k.type}`),
    ", ",
  );
  return dir === "asc" ? Prisma.sql`(${left}) > (${right})` : Prisma.sql`(${left}) < (${right})`;
}

const DEFAULT_DIR: Record<string, Dir> = {
  relevance: "desc",
  followers: "desc",
  engagement: "desc",
  updated: "desc",
  name: "asc",
};

/** The order asked for, or the default: relevance with a term, name without. */
function sortOf(filters: SearchInfluencersFilters) {
  const sort = filters.sort ?? (filters.q ? "relevance" : "name");
  return { sort, dir: filters.dir ?? DEFAULT_DIR[sort] };
}

// ---- the cursor

/** A keyset cursor: the order it belongs to, the pass of a term search, the last row's keys, rows before the next page. */
type Cursor = { o: string; m?: MatchMode; k: (string | number)[]; n: number };

const badCursor = () =>
  new AppError("VALIDATION_FAILED", "Check after: it is not a cursor of this search (start from the first page)", {
    fields: { after: "Not a cursor of this search" },
  });

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(raw: string, order: string, keyCount: number): Cursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw badCursor();
  }
  const c = value as Partial<Cursor> | null;
  if (
    !c ||
    typeof c !== "object" ||
    c.o !== order ||
    (c.m !== undefined && c.m !== "substring" && c.m !== "fuzzy") ||
    !Array.isArray(c.k) ||
    c.k.length !== keyCount ||
    !c.k.every((v) => (typeof v === "string" && v.length <= 200) || (typeof v === "number" && Number.isFinite(v))) ||
    !/^[0-9a-f-]{36}$/i.test(String(c.k.at(-1))) ||
    typeof c.n !== "number" ||
    !Number.isInteger(c.n) ||
    c.n < 0
  )
    throw badCursor();
  return c as Cursor;
}

/** The cursor values of a row (what sortKeys reads), in the same order. */
function rowKeys(row: InfluencerSearchRow, sort: string, dir: Dir, hasTerm: boolean): (string | number)[] {
  switch (sort) {
    case "followers":
      return [row.totalFollowers, row.id];
    case "engagement":
      return [row.topEngagement ?? (dir === "desc" ? "-1" : "1000"), row.id];
    case "updated":
      return [row.updatedAt.toISOString(), row.id];
    case "relevance":
      return hasTerm ? [row.score ?? 0, row.totalFollowers, row.id] : [row.totalFollowers, row.id];
    default:
      return [row.displayName, row.id];
  }
}

/** The parts of one search: FROM, the WHERE (with the keyset condition when `cursor`), the score and the order. */
export function buildSearchSql(
  agencyId: string,
  filters: SearchInfluencersFilters,
  mode: MatchMode = "fuzzy",
  cursor?: Cursor,
) {
  const { sort, dir } = sortOf(filters);
  const p = Prisma.raw(`p`);
  const conditions = filterConditions(agencyId, filters, p);
  if (filters.q) conditions.push(textMatch(filters.q, mode, p));
  const score = filters.q ? scoreSql(filters.q, p) : Prisma.sql`NULL::real`;
  if (cursor && !filters.q) conditions.push(afterCursor(p, score, sort, dir, false, cursor));
  const where = Prisma.join(conditions, " AND ");
  const from = Prisma.sql`"InfluencerProfile" p`;
  return {
    sort,
    dir,
    from,
    where,
    score,
    order: (alias: Prisma.Sql, scoreExpr: Prisma.Sql) => orderBy(alias, scoreExpr, sort, dir, Boolean(filters.q)),
  };
}

/** One page of the listing without a term: the SQL the handler, the page, the export and the benchmark share. */
export function searchPageSql(
  agencyId: string,
  filters: SearchInfluencersFilters,
  limit: number,
  offset: number,
  mode: MatchMode = "fuzzy",
  cursor?: Cursor,
) {
  const s = buildSearchSql(agencyId, filters, mode, cursor);
  const page = Prisma.raw(`pg`);
  const pageCte = Prisma.sql`pg AS (
      SELECT p."id", p."displayName", p."profileType"::text AS "profileType", p."status"::text AS "status", trim(p."country") AS "country",
             p."niches", p."languages", p."totalFollowers", p."topEngagement", p."updatedAt", p."socialSummary", ${s.score} AS "score"
        FROM ${s.from}
       WHERE ${s.where}
       ORDER BY ${s.order(Prisma.raw("p"), s.score)}
       LIMIT ${limit}::int OFFSET ${offset}::int
    )`;
  return Prisma.sql`WITH ${pageCte}
    SELECT pg."id", pg."displayName", pg."profileType", pg."status", pg."country", pg."niches", pg."languages", pg."totalFollowers",
           pg."topEngagement"::text AS "topEngagement", pg."updatedAt", pg."score"::float8 AS "score",
           pg."socialSummary" AS "socials"
      FROM pg
     ORDER BY ${s.order(page, Prisma.sql`pg."score"`)}`;
}

/** A page row as the term search returns it (a JSON array, in this order): see termSearchSql. */
type TermItem = [
  id: string,
  displayName: string,
  profileType: InfluencerSearchRow["profileType"],
  status: InfluencerSearchRow["status"],
  country: string | null,
  niches: string[],
  languages: string[],
  totalFollowers: number,
  topEngagement: string | null,
  updatedAt: string,
  score: number | null,
  socials: InfluencerSearchRow["socials"],
];
type TermResult = { total: number; items: TermItem[] };

/**
 * A term search in one statement: the matching profiles (filters and text on the same index scan, at most
 * CANDIDATE_CAP of them), scored only when the order needs it, the page after the cursor, and the count from the
 * same set. The page comes back as one JSON array (one value to parse instead of a dozen typed columns per row:
 * about half the Node CPU of reading the rows, measured on this statement).
 */
export function termSearchSql(
  agencyId: string,
  filters: SearchInfluencersFilters,
  limit: number,
  offset: number,
  mode: MatchMode,
  cursor?: Cursor,
) {
  const s = buildSearchSql(agencyId, filters, mode);
  const f = Prisma.raw("f");
  const r = Prisma.raw("r");
  const byScore = s.sort === "relevance";
  const rScore = Prisma.sql`r."score"`;
  const after = cursor ? afterCursor(r, rScore, s.sort, s.dir, true, cursor) : Prisma.sql`true`;
  return Prisma.sql`WITH matched AS MATERIALIZED (
      SELECT p."id", p."displayName", p."profileType"::text AS "profileType", p."status"::text AS "status", trim(p."country") AS "country",
             p."niches", p."languages", p."totalFollowers", p."topEngagement", p."updatedAt", p."socialHandles", p."socialSummary"
        FROM ${s.from}
       WHERE ${s.where}
       LIMIT ${CANDIDATE_CAP}::int
    ),
    ranked AS (
      SELECT f.*, ${byScore ? scoreSql(filters.q!, f) : Prisma.sql`NULL::real`} AS "score" FROM matched f
    ),
    pg AS (
      SELECT r.* FROM ranked r WHERE ${after}
       ORDER BY ${s.order(r, rScore)} LIMIT ${limit}::int OFFSET ${offset}::int
    )
    SELECT (SELECT count(*) FROM matched)::int AS "total",
           COALESCE((SELECT json_agg(json_build_array(
                pg."id", pg."displayName", pg."profileType", pg."status", pg."country", pg."niches", pg."languages", pg."totalFollowers",
                pg."topEngagement"::text, pg."updatedAt",
                ${byScore ? Prisma.sql`pg."score"` : scoreSql(filters.q!, Prisma.raw("pg"))}::float8,
                pg."socialSummary")
              ORDER BY ${s.order(Prisma.raw("pg"), Prisma.sql`pg."score"`)}) FROM pg), '[]') AS "items"`;
}

function termRows(items: TermItem[]): InfluencerSearchRow[] {
  return items.map(
    ([
      id,
      displayName,
      profileType,
      status,
      country,
      niches,
      languages,
      totalFollowers,
      topEngagement,
      updatedAt,
      score,
      socials,
    ]) => ({
      id,
      displayName,
      profileType,
      status,
      country,
      niches,
      languages,
      totalFollowers,
      topEngagement,
      updatedAt: new Date(updatedAt),
      score,
      socials,
    }),
  );
}

/**
 * The search's statements: planned with their own values each time (unnamed statements, never a generic plan), on
 * the search's own connections (their statement_timeout is the search's limit, and there are few of them).
 */
function searchOptions() {
  return { prepare: false, pool: "search" } as const;
}

/** A statement cut by its time limit (57014), anywhere in the error's cause chain. */
function isTimeout(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 5; e = e.cause as never, i++)
    if (e.code === "57014") return true;
  return false;
}

export const SEARCH_TIMEOUT_MESSAGE =
  "The search took too long and was stopped. Add a filter or a longer search term, or try again in a moment.";

/** Search, filter, sort and page the caller's directory. */
export async function searchInfluencers(ctx: AuthContext, raw: unknown): Promise<InfluencerSearchResult> {
  const { agencyId } = influencerScope(ctx, "influencer.read");
  const filters = searchInfluencersSchema.parse(raw);
  const { sort, dir } = sortOf(filters);
  const hasTerm = Boolean(filters.q);
  const order = `${sort}:${dir}`;
  const cursor = filters.after
    ? decodeCursor(filters.after, order, sortKeys(Prisma.raw("p"), Prisma.empty, sort, dir, hasTerm).length)
    : undefined;
  // A cursor carries the rows before it; without one, `page` is an offset (kept for API clients; the pages use cursors).
  const offset = cursor ? 0 : (filters.page - 1) * filters.take;
  const before = cursor ? cursor.n : offset;
  try {
    let rows: InfluencerSearchRow[];
    let n: number;
    let mode: MatchMode | undefined;
    if (filters.q) {
      // Exact substrings first; the typo-tolerant pass only when they do not fill the first page (a cursor keeps
      // the pass of the page it came from).
      mode = cursor?.m ?? "substring";
      let found = (await queryRow<TermResult>(
        termSearchSql(agencyId, filters, filters.take + 1, offset, mode, cursor),
        searchOptions(),
      ))!;
      if (!cursor && filters.page === 1 && found.items.length < filters.take) {
        mode = "fuzzy";
        found = (await queryRow<TermResult>(
          termSearchSql(agencyId, filters, filters.take + 1, offset, mode),
          searchOptions(),
        ))!;
      }
      rows = termRows(found.items);
      n = found.total;
    } else {
      const s = buildSearchSql(agencyId, filters);
      const [page, counted] = await Promise.all([
        queryRows<InfluencerSearchRow>(
          searchPageSql(agencyId, filters, filters.take + 1, offset, "fuzzy", cursor),
          searchOptions(),
        ),
        queryRows<{ n: number }>(
          Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${s.from} WHERE ${s.where} LIMIT ${COUNT_CAP + 1}::int) capped`,
          searchOptions(),
        ),
      ]);
      rows = page;
      n = counted[0]?.n ?? 0;
    }
    const items = rows.slice(0, filters.take);
    const hasMore = rows.length > filters.take;
    const cap = filters.q ? CANDIDATE_CAP : COUNT_CAP;
    const last = items.at(-1);
    return {
      items,
      total: Math.min(n, cap),
      totalCapped: filters.q ? n >= CANDIDATE_CAP : n > COUNT_CAP,
      page: cursor ? Math.floor(before / filters.take) + 1 : filters.page,
      pageSize: filters.take,
      offset: before,
      hasMore,
      next:
        hasMore && last
          ? encodeCursor({
              o: order,
              ...(mode ? { m: mode } : {}),
              k: rowKeys(last, sort, dir, hasTerm),
              n: before + items.length,
            })
          : null,
      sort,
      dir,
    };
  } catch (error) {
    if (isTimeout(error)) throw new AppError("SERVICE_UNAVAILABLE", SEARCH_TIMEOUT_MESSAGE, { retryAfterSeconds: 5 });
    throw error;
  }
}
