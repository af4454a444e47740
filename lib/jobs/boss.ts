import PgBoss from "pg-boss";

// pg-boss keeps its queue in the application's PostgreSQL, in its own schema. Only the worker process
// (scripts/worker.ts) starts one; any number of workers may run against one database (pg-boss coordinates
// them through the database), and web servers never need to.

export const BOSS_SCHEMA = "pgboss";

export function createBoss(connectionString = process.env.DATABASE_URL): PgBoss {
  if (!connectionString) throw new Error("DATABASE_URL is not set: the job worker needs the application's database");
  const boss = new PgBoss({ connectionString, schema: BOSS_SCHEMA, application_name: "tikit-worker", max: 4 });
  boss.on("error", (error) => console.error("[worker] pg-boss error:", error instanceof Error ? error.message : error));
  return boss;
}

/** Creates and starts a PgBoss (creating or migrating its schema on first start). */
export async function startBoss(connectionString = process.env.DATABASE_URL): Promise<PgBoss> {
  const boss = createBoss(connectionString);
  await boss.start();
  return boss;
}
