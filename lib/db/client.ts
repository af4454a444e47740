import "server-only";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// One connection pool and one Prisma client per process, created on first use so that scripts and tests can
// set DATABASE_URL first. Prisma's adapter runs on the same `pg` pool that the hand-written hot reads of
// lib/db/sql.ts use, so the process holds one set of connections.
const holder = globalThis as unknown as {
  tikitPrisma?: PrismaClient;
  tikitPool?: pg.Pool;
  tikitSearchPool?: pg.Pool;
  tikitOnClose?: Set<() => Promise<void>>;
};

/**
 * The URL the app connects with: DATABASE_APP_URL, the role without DDL rights that `npm start` sets up (or the
 * operator gives), else DATABASE_URL (scripts and tests that set only that one).
 */
export function appDatabaseUrl(): string {
  const url = process.env.DATABASE_APP_URL || process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start` or set it yourself");
  return url;
}

function envMs(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a whole number of milliseconds (0 turns it off), not "${raw}"`);
  return value;
}

/** The time limits of the app's connections (README "Environment variables", docs/decisions.md). 0 turns one off. */
export function databaseTimeouts() {
  const statement = envMs("DATABASE_STATEMENT_TIMEOUT_MS", 15_000);
  return {
    /** PostgreSQL cancels a statement running longer (57014). */
    statement,
    /**
     * The directory search's own, shorter limit (the connections of getSearchPool): a search that would run longer is
     * cut and answered "narrow it" instead of holding a core for up to `statement`.
     */
    search: Math.min(envMs("DATABASE_SEARCH_TIMEOUT_MS", 3_000), statement || Infinity),
    /** PostgreSQL gives up waiting for a row or table lock after this (55P03). */
    lock: envMs("DATABASE_LOCK_TIMEOUT_MS", 10_000),
    /** PostgreSQL ends a session left inside a transaction without a statement this long (its locks go with it). */
    idleInTransaction: envMs("DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS", 30_000),
    /** Waiting for a free pooled connection, or for a new connection's handshake. */
    connect: envMs("DATABASE_CONNECT_TIMEOUT_MS", 5_000),
    /**
     * The client's own deadline for an answer: a server that is stopped or cut off cannot enforce statement_timeout.
     * Past it the connection is closed (never reused: its statement's outcome is unknown).
     */
    query: envMs("DATABASE_QUERY_TIMEOUT_MS", statement ? statement + 2_000 : 0),
  };
}

/** The error of a statement whose answer did not arrive within its deadline (its connection is closed). */
export class QueryDeadlineError extends Error {
  readonly code = "TIKIT_QUERY_DEADLINE";
  constructor(ms: number) {
    super(`The database did not answer within ${ms} ms`);
    this.name = "QueryDeadlineError";
  }
}

type Callback = (error: Error | null, result?: unknown) => void;

/**
 * A pg client with a deadline on every statement. pg's own `query_timeout` fails the statement but leaves it
 * running on the connection, which goes back to the pool: inside a transaction the next user of that connection
 * would run in a transaction that is never committed. Here the connection is ended instead (the server rolls back
 * what it had not committed), so the pool drops it. A statement may carry its own deadline as `query_timeout`.
 */
class DeadlineClient extends pg.Client {
  static deadlineMs = 0;

  // Every signature of pg's query (text, config, values, callback, promise): the arguments go through untouched.
  override query(...args: unknown[]): never {
    const config = args[0] as { query_timeout?: number; submit?: unknown } | string;
    let ms = DeadlineClient.deadlineMs;
    if (config && typeof config === "object") {
      if (typeof config.submit === "function") return (super.query as (...a: unknown[]) => never)(...args);
      if (config.query_timeout) {
        ms = config.query_timeout;
        args[0] = { ...config, query_timeout: undefined };
      }
    }
    if (!ms) return (super.query as (...a: unknown[]) => never)(...args);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      void this.end().catch(() => {});
    }, ms);
    const settle = (error: Error | null) => {
      clearTimeout(timer);
      return error && timedOut ? new QueryDeadlineError(ms) : error;
    };
    const at = args.findIndex((arg) => typeof arg === "function");
    if (at >= 0) {
      const callback = args[at] as Callback;
      args[at] = (error: Error | null, result?: unknown) => callback(settle(error), result);
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const pending = (super.query as (...a: unknown[]) => Promise<unknown>)(...args);
    return pending.then(
      (result) => {
        settle(null);
        return result;
      },
      (error: Error) => {
        throw settle(error);
      },
    ) as never;
  }
}

/**
 * The planner settings of the search's connections (the startup `options`): no sequential scan of a table when an
 * index can serve the statement. A term search reads at most a few hundred candidates (LIMIT), and with a LIMIT
 * PostgreSQL may bet on a sequential scan finding them early; for a common term in a big agency that bet read the
 * whole table, computing trigram similarity on every row (1.1-1.4 s on the scale data). The indexes that lead with
 * the tenant serve every shape of the search, so this only takes the bet away.
 */
export const SEARCH_SESSION_SETTINGS = "-c enable_seqscan=off";

function newPool(max: number, statementTimeout: number, options?: string): pg.Pool {
  const timeouts = databaseTimeouts();
  DeadlineClient.deadlineMs = timeouts.query;
  const pool = new pg.Pool({
    connectionString: appDatabaseUrl(),
    max,
    Client: DeadlineClient,
    // Sent in the startup message: the server applies them to every session of the pool.
    statement_timeout: statementTimeout || undefined,
    lock_timeout: timeouts.lock || undefined,
    idle_in_transaction_session_timeout: timeouts.idleInTransaction || undefined,
    connectionTimeoutMillis: timeouts.connect,
    options,
  });
  // An idle connection the server drops (restart, idle timeout) is removed from the pool by pg; without a
  // listener the error event would end the process.
  pool.on("error", (error) => console.error("[db] idle connection error:", error.message));
  return pool;
}

export function getPool(): pg.Pool {
  holder.tikitPool ??= newPool(Number(process.env.DATABASE_POOL_SIZE ?? 10), databaseTimeouts().statement);
  return holder.tikitPool;
}

/**
 * The directory search's connections (lib/domain/influencers/search-influencers.ts): their statement_timeout is
 * the search's own (databaseTimeouts().search), and there are few of them (DATABASE_SEARCH_POOL_SIZE, 4), so
 * however many users search at once, searches hold at most that many backends per process and the other pages
 * keep theirs; the rest wait for a connection (up to `connect`).
 */
export function getSearchPool(): pg.Pool {
  holder.tikitSearchPool ??= newPool(
    Number(process.env.DATABASE_SEARCH_POOL_SIZE ?? 4),
    databaseTimeouts().search,
    SEARCH_SESSION_SETTINGS,
  );
  return holder.tikitSearchPool;
}

/**
 * `SELECT 1` with an answer or a refusal within `deadlineMs`, counting the wait for a pooled connection (for
 * /api/health). The statement's own deadline closes its connection if the answer never comes.
 */
export async function pingDatabase(deadlineMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const query = { text: "SELECT 1", query_timeout: deadlineMs } as pg.QueryConfig;
  const ping = getPool().query(query);
  ping.catch(() => {}); // a late failure, after the deadline answered already
  try {
    await Promise.race([
      ping,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`The database did not answer within ${deadlineMs} ms`)), deadlineMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export function getDb(): PrismaClient {
  holder.tikitPrisma ??= new PrismaClient({ adapter: new PrismaPg(getPool()) });
  return holder.tikitPrisma;
}

/** Registers a connection of its own for closeDb to close (e.g. a LISTEN connection). */
export function onCloseDb(close: () => Promise<void>) {
  (holder.tikitOnClose ??= new Set()).add(close);
}

/** Closes the Prisma client, the pool and the connections registered with onCloseDb (scripts and tests; the next use opens new ones). */
export async function closeDb(): Promise<void> {
  const { tikitPrisma, tikitPool, tikitSearchPool, tikitOnClose } = holder;
  delete holder.tikitPrisma;
  delete holder.tikitPool;
  delete holder.tikitSearchPool;
  for (const close of tikitOnClose ?? []) await close();
  await tikitPrisma?.$disconnect();
  await tikitPool?.end();
  await tikitSearchPool?.end();
}

/** The Prisma client; a proxy so that importing it does not connect. */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
