// How many web server processes `npm start` runs and how many database connections each one's pool holds
// (scripts/start.ts). A pure function of the core count, the environment and the database's max_connections, so
// that tests/unit/process-plan.test.ts can check it without starting anything.

/** Connections the web processes' pools share when DATABASE_POOL_SIZE is not set (one process measured best with 20, docs/performance.md). */
export const WEB_POOL_BUDGET = 20;
/** The smallest pool a web process gets by default: a page runs a few statements at once (Promise.all). */
export const MIN_POOL_SIZE = 4;
/** Besides its pool, each web process holds one LISTEN connection (lib/auth/context-cache.ts). */
export const EXTRA_PER_WEB_PROCESS = 1;
/** The pool lib/db/client.ts opens without DATABASE_POOL_SIZE (the background worker keeps it). */
export const DEFAULT_POOL_SIZE = 10;
/** pg-boss's own pool in the background worker (lib/jobs/boss.ts). */
export const BOSS_POOL_SIZE = 4;
/**
 * Connections left free for everything else on the database: PostgreSQL's superuser slots (3), migrations, a
 * psql session, `npm run worker` or a second `npm start` joining the same cluster.
 */
export const HEADROOM = 20;

export type ProcessPlan = {
  /** Server processes on the port (scripts/next-cluster.mjs when > 1). */
  webProcesses: number;
  /** DATABASE_POOL_SIZE of each web process. */
  poolSize: number;
  /** Connections the web processes and the background worker hold at most, all pools full. */
  connections: number;
  /** How the numbers were chosen, for the start-up log. */
  reason: string;
};

function positiveInteger(env: Record<string, string | undefined>, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number of at least 1, not "${raw}"`);
  return value;
}

/**
 * WEB_CONCURRENCY (default: the cores, `os.availableParallelism()`) server processes, each with a pool of
 * DATABASE_POOL_SIZE (default: max(MIN_POOL_SIZE, floor(WEB_POOL_BUDGET / processes))). All pools full, the web
 * processes and the worker must fit in max_connections minus HEADROOM: a default process count is lowered until
 * they do; numbers given in the environment that do not fit are refused (the server would fail under load with
 * "too many clients" instead of at start).
 */
export function processPlan(input: {
  cores: number;
  env: Record<string, string | undefined>;
  maxConnections: number;
  mode?: "start" | "dev";
}): ProcessPlan {
  const { env, maxConnections } = input;
  const givenProcesses = positiveInteger(env, "WEB_CONCURRENCY");
  const givenPool = positiveInteger(env, "DATABASE_POOL_SIZE");
  // The worker runs with the environment as given: DATABASE_POOL_SIZE if set, else lib/db/client.ts's default.
  const workerConnections = (givenPool ?? DEFAULT_POOL_SIZE) + BOSS_POOL_SIZE;
  const available = maxConnections - HEADROOM - workerConnections;
  const poolFor = (processes: number) => givenPool ?? Math.max(MIN_POOL_SIZE, Math.floor(WEB_POOL_BUDGET / processes));
  const fits = (processes: number) => processes * (poolFor(processes) + EXTRA_PER_WEB_PROCESS) <= available;

  let webProcesses: number;
  let reason: string;
  if (input.mode === "dev") {
    webProcesses = 1;
    reason = "development server: one process";
  } else if (givenProcesses !== undefined) {
    webProcesses = givenProcesses;
    reason = "WEB_CONCURRENCY";
  } else {
    webProcesses = Math.max(1, Math.floor(input.cores));
    reason = `one per core (${webProcesses})`;
    while (webProcesses > 1 && !fits(webProcesses)) webProcesses--;
    if (webProcesses < Math.floor(input.cores)) reason += `, lowered to ${webProcesses} to fit max_connections`;
  }
  const poolSize = poolFor(webProcesses);
  const connections = webProcesses * (poolSize + EXTRA_PER_WEB_PROCESS) + workerConnections;
  if (!fits(webProcesses))
    throw new Error(
      `${webProcesses} server process(es) with ${poolSize} pooled connections each and the worker need ${connections} ` +
        `database connections; the database allows ${maxConnections} (keeping ${HEADROOM} free). ` +
        "Lower WEB_CONCURRENCY or DATABASE_POOL_SIZE.",
    );
  return {
    webProcesses,
    poolSize,
    connections,
    reason: `${reason}; pool ${poolSize} each${givenPool ? " (DATABASE_POOL_SIZE)" : ` (${WEB_POOL_BUDGET} shared, at least ${MIN_POOL_SIZE})`}`,
  };
}
