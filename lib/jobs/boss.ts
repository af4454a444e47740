import "server-only";
import PgBoss from "pg-boss";
import { appDatabaseUrl } from "@/lib/db/client";
import { createQueues } from "./schedules";

// pg-boss keeps its queue in the application's PostgreSQL, in its own schema. Only the worker process
// (scripts/worker.ts) starts one; any number of workers may run against one database (pg-boss coordinates
// them through the database), and web servers never need to.
//
// pg-boss's DDL (its schema, its version migrations, and the table each queue gets as a partition) runs as the
// database owner in the migration step (installJobSchema, from lib/db/prepare-database.ts); the worker connects
// as the app's role, which may not create tables, and starts pg-boss with `migrate: false` (it only checks that
// the schema is at its version). createQueue of a queue that exists is a plain INSERT ... ON CONFLICT DO NOTHING.

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
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number of seconds, at least 1 (got "${raw}")`);
  return value;
}

/** pg-boss's own queue for scheduled sends (lib timekeeper.js), created when a worker starts with schedules. */
const SEND_IT_QUEUE = "__pgboss__send-it";

export function createBoss(connectionString = appDatabaseUrl()): PgBoss {
  if (!connectionString) throw new Error("DATABASE_URL is not set: the job worker needs the application's database");
  const boss = new PgBoss({
    connectionString,
    schema: BOSS_SCHEMA,
    application_name: "tikit-worker",
    max: 4,
    maintenanceIntervalSeconds: jobTiming().maintenanceSeconds,
    migrate: false,
  });
  boss.on("error", (error) => console.error("[worker] pg-boss error:", error instanceof Error ? error.message : error));
  return boss;
}

/** Creates and starts a PgBoss on an installed schema (installJobSchema). */
export async function startBoss(connectionString = appDatabaseUrl()): Promise<PgBoss> {
  const boss = createBoss(connectionString);
  await boss.start();
  return boss;
}

/** As the owner: creates or migrates pg-boss's schema and creates every queue the worker uses (idempotent). */
export async function installJobSchema(ownerUrl: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: ownerUrl,
    schema: BOSS_SCHEMA,
    application_name: "tikit-migrate",
    max: 1,
    supervise: false,
    schedule: false,
  });
  boss.on("error", (error) =>
    console.error("[migrate] pg-boss error:", error instanceof Error ? error.message : error),
  );
  await boss.start();
  try {
    await createQueues(boss);
    await boss.createQueue(SEND_IT_QUEUE);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
