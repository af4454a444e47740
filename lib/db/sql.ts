import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getPool } from "@/lib/db/client";

// The hot reads (every request's caller context, the lists and boards the bench measures) run as one
// hand-written statement each, straight on the `pg` pool Prisma also uses: a statement through Prisma's query
// interpreter costs about three times the Node CPU of the same statement on `pg` (0.35 vs 0.11 ms measured),
// and a page that needs four Prisma round trips needs one here (relations as json_agg).
//
// Statements are composed with Prisma.sql (values always bound as parameters, never spliced) and run as named
// prepared statements: PostgreSQL parses and plans a statement once per connection instead of on every call.
// The name is a hash of the text, so each distinct shape (which filters are set) is its own statement; lists
// of values are bound as one array parameter (`= ANY($1::uuid[])`), never as `IN ($1, $2, …)`, so the number of
// shapes stays small.
//
// What `pg` returns: int4 as number, int8 (count(*)) and numeric as string (cast counts to ::int, keep money as
// strings), timestamptz as Date, json as parsed values, enum arrays as a raw "{A,B}" string (cast to text[]).

const names = new Map<string, string>();
const NAMES_MAX = 5000;

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `t_${createHash("sha1").update(text).digest("base64url").slice(0, 24)}`;
    if (names.size < NAMES_MAX) names.set(text, name);
  }
  return name;
}

type Options = {
  /**
   * false: plan on every call with the actual values (an unnamed statement). For statements whose best plan
   * depends on the values, such as a trigram search, where a generic plan PostgreSQL would settle on after
   * five calls was measured up to 6× slower for rare terms.
   */
  prepare?: boolean;
};

/** Runs one read statement (a prepared statement unless `prepare: false`) on the shared pool; its rows. */
export async function queryRows<T>(statement: Prisma.Sql, options: Options = {}): Promise<T[]> {
  const text = statement.text;
  const values = statement.values as unknown[];
  const result = await getPool().query(options.prepare === false ? { text, values } : { name: statementName(text), text, values });
  return result.rows as T[];
}

/** The first row of a read statement, or null. */
export async function queryRow<T>(statement: Prisma.Sql, options: Options = {}): Promise<T | null> {
  const rows = await queryRows<T>(statement, options);
  return rows[0] ?? null;
}
