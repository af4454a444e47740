import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appDatabaseUrl, databaseTimeouts, getPool, getSearchPool } from "@/lib/db/client";

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
  /** "search": on the search's own connections (getSearchPool: its statement_timeout, few backends). */
  pool?: "search";
};

// The signal of the request being answered (lib/api/http.ts aborts it when the client goes away before the
// answer is complete): a hot read still running then is cancelled on the server instead of running to its end
// for nobody. Prisma's queries take no signal; statement_timeout bounds those.
const requestSignal = new AsyncLocalStorage<AbortSignal>();

/** Runs `work` with `signal` as the signal of the reads of this module it makes. */
export function withQuerySignal<T>(signal: AbortSignal, work: () => T): T {
  return requestSignal.run(signal, work);
}

/** Runs one read statement (a prepared statement unless `prepare: false`) on the shared pool; its rows. */
export async function queryRows<T>(statement: Prisma.Sql, options: Options = {}): Promise<T[]> {
  const text = statement.text;
  const values = statement.values as unknown[];
  const query = options.prepare === false ? { text, values } : { name: statementName(text), text, values };
  const signal = requestSignal.getStore();
  const pool = options.pool === "search" ? getSearchPool() : getPool();
  if (!signal) return (await pool.query(query)).rows as T[];
  return (await cancellable(pool, query, signal)).rows as T[];
}

/**
 * The statement on a connection of its own from the pool, cancelled (pg_cancel_backend) when `signal` aborts. A
 * connection whose statement was cancelled is closed rather than returned to the pool, so a late cancel can never
 * hit the next statement on it.
 */
async function cancellable(pool: pg.Pool, query: pg.QueryConfig, signal: AbortSignal): Promise<pg.QueryResult> {
  signal.throwIfAborted();
  const client = await pool.connect();
  // A connection lost while checked out emits "error" (its statement fails with it); unheard, it would end the process.
  const lost = () => {};
  client.on("error", lost);
  let cancelled = false;
  const cancel = () => {
    cancelled = true;
    void cancelBackend((client as unknown as { processID: number }).processID);
  };
  if (signal.aborted) cancel();
  else signal.addEventListener("abort", cancel, { once: true });
  try {
    return await client.query(query);
  } finally {
    signal.removeEventListener("abort", cancel);
    client.removeListener("error", lost);
    client.release(cancelled ? new Error("The request's client went away: its statement was cancelled") : undefined);
  }
}

/** Cancels the statement a backend of the app's role is running, over a connection of its own (the pool may be full). */
async function cancelBackend(pid: number): Promise<void> {
  const client = new pg.Client({
    connectionString: appDatabaseUrl(),
    connectionTimeoutMillis: databaseTimeouts().connect,
  });
  try {
    await client.connect();
    await client.query("SELECT pg_cancel_backend($1)", [pid]);
  } catch (error) {
    console.error("[db] cancelling a statement failed:", error instanceof Error ? error.message : error);
  } finally {
    await client.end().catch(() => {});
  }
}

/** The first row of a read statement, or null. */
export async function queryRow<T>(statement: Prisma.Sql, options: Options = {}): Promise<T | null> {
  const rows = await queryRows<T>(statement, options);
  return rows[0] ?? null;
}
