import PgBoss from "pg-boss";

// pg-boss keeps its queue in the application's PostgreSQL, in its own schema. Only the worker process
// (scripts/worker.ts) starts one; any number of workers may run against one database (pg-boss coordinates
// them through the database), and web servers never need to.

export const BOSS_SCHEMA = "pgboss";

/**
 * How quickly a job whose worker died is run again. pg-boss only notices such a job when its expiry has passed
 * and a maintenance run (at most one per interval across all workers, and one may skip a tick) fails it as
 * "timed out" into the retry state; a worker picks it up at its next poll. So a killed job runs again within
 * expire + 2 × maintenance + poll seconds of its start: 60 + 30 + 10 = 100 s with the defaults, under the 2
 * minutes the worker promises. The handlers stay well inside the expiry (docs/decisions.md, "The background
 * worker"). Configurable for tests and operators; read when a boss or worker is created.
 */
export function jobTiming() {
  return {
    expireSeconds: seconds("TIKIT_JOB_EXPIRE_SECONDS", 60),
    maintenanceSeconds: seconds("TIKIT_JOB_MAINTENANCE_SECONDS", 15),
    pollSeconds: seconds("TIKIT_JOB_POLL_SECONDS", 10),
  };
}

function seconds(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  // pg-boss refuses anything under a second, and fractions of one for these settings.
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of seconds, at least 1 (got "${raw}")`);
  return value;
}

export function createBoss(connectionString = process.env.DATABASE_URL): PgBoss {
  if (!connectionString) throw new Error("DATABASE_URL is not set: the job worker needs the application's database");
  const boss = new PgBoss({
    connectionString,
    schema: BOSS_SCHEMA,
    application_name: "tikit-worker",
    max: 4,
    maintenanceIntervalSeconds: jobTiming().maintenanceSeconds,
  });
  boss.on("error", (error) => console.error("[worker] pg-boss error:", error instanceof Error ? error.message : error));
  return boss;
}

/** Creates and starts a PgBoss (creating or migrating its schema on first start). */
export async function startBoss(connectionString = process.env.DATABASE_URL): Promise<PgBoss> {
  const boss = createBoss(connectionString);
  await boss.start();
  return boss;
}
