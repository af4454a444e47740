import PgBoss from "pg-boss";
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

/** pg-boss's own queue for scheduled sends (lib timekeeper.js), created when a worker starts with schedules. */
const SEND_IT_QUEUE = "__pgboss__send-it";

const appUrl = () => process.env.DATABASE_APP_URL || process.env.DATABASE_URL;

export function createBoss(connectionString = appUrl()): PgBoss {
  if (!connectionString) throw new Error("DATABASE_URL is not set: the job worker needs the application's database");
  const boss = new PgBoss({ connectionString, schema: BOSS_SCHEMA, application_name: "tikit-worker", max: 4, migrate: false });
  boss.on("error", (error) => console.error("[worker] pg-boss error:", error instanceof Error ? error.message : error));
  return boss;
}

/** Creates and starts a PgBoss on an installed schema (installJobSchema). */
export async function startBoss(connectionString = appUrl()): Promise<PgBoss> {
  const boss = createBoss(connectionString);
  await boss.start();
  return boss;
}

/** As the owner: creates or migrates pg-boss's schema and creates every queue the worker uses (idempotent). */
export async function installJobSchema(ownerUrl: string): Promise<void> {
  const boss = new PgBoss({ connectionString: ownerUrl, schema: BOSS_SCHEMA, application_name: "tikit-migrate", max: 1, supervise: false, schedule: false });
  boss.on("error", (error) => console.error("[migrate] pg-boss error:", error instanceof Error ? error.message : error));
  await boss.start();
  try {
    await createQueues(boss);
    await boss.createQueue(SEND_IT_QUEUE);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
