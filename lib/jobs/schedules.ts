import "server-only";
import type PgBoss from "pg-boss";
import { jobTiming } from "./boss";

// The scheduled jobs: names and cron expressions (UTC). pg-boss turns each tick into one job, once across
// all workers; the handlers (lib/jobs/handlers.ts) are idempotent, so a retried or repeated job is harmless.

export const JOB_NAMES = {
  expireApprovals: "approvals.expire",
  escalateApprovals: "approvals.escalate",
  cleanupLoginAttempts: "auth.cleanup-login-attempts",
  cleanupIdempotencyKeys: "api.cleanup-idempotency-keys",
} as const;

export type JobName = (typeof JOB_NAMES)[keyof typeof JOB_NAMES];

export const SCHEDULES: readonly { name: JobName; cron: string; description: string }[] = [
  { name: JOB_NAMES.expireApprovals, cron: "*/5 * * * *", description: "every 5 minutes" },
  { name: JOB_NAMES.escalateApprovals, cron: "*/15 * * * *", description: "every 15 minutes" },
  { name: JOB_NAMES.cleanupLoginAttempts, cron: "17 3 * * *", description: "daily at 03:17 UTC" },
  // Hourly: a key lives 24 hours and an expired one is already ignored, so this only keeps the table small.
  { name: JOB_NAMES.cleanupIdempotencyKeys, cron: "41 * * * *", description: "hourly at :41" },
];

/**
 * The queues' settings. Stately: at most one job waiting and one running per queue, so ticks missed while no
 * worker ran do not pile up (each run sweeps everything due anyway). The expiry is what brings back a job
 * whose worker died (lib/jobs/boss.ts, jobTiming); retried at once, twice at most, then the next tick.
 */
export function queueOptions(name: JobName) {
  return { name, policy: "stately", retryLimit: 2, retryDelay: 0, expireInSeconds: jobTiming().expireSeconds } as const;
}

/** The queues (createQueues) and their schedules, upserted by name: safe to call from every worker at every start. */
export async function registerSchedules(boss: PgBoss): Promise<void> {
  await createQueues(boss);
  for (const schedule of SCHEDULES) await boss.schedule(schedule.name, schedule.cron, {}, { tz: "UTC" });
}

/**
 * The queues of the scheduled jobs. A new queue is a table (a partition of pg-boss's job table), so the migration
 * step creates them as the owner (installJobSchema); for the worker's role createQueue is a no-op on existing
 * queues, and updateQueue (a row update) brings one created by an older version (15-minute expiry, singleton) to
 * today's settings.
 */
export async function createQueues(boss: PgBoss): Promise<void> {
  for (const schedule of SCHEDULES) {
    await boss.createQueue(schedule.name, queueOptions(schedule.name));
    await boss.updateQueue(schedule.name, queueOptions(schedule.name));
  }
}
