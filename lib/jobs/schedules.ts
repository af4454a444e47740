import type PgBoss from "pg-boss";

// The scheduled jobs: names and cron expressions (UTC). pg-boss turns each tick into one job, once across
// all workers; the handlers (lib/jobs/handlers.ts) are idempotent, so a retried or repeated job is harmless.

export const JOB_NAMES = {
  expireApprovals: "approvals.expire",
  escalateApprovals: "approvals.escalate",
  cleanupLoginAttempts: "auth.cleanup-login-attempts",
} as const;

export type JobName = (typeof JOB_NAMES)[keyof typeof JOB_NAMES];

export const SCHEDULES: readonly { name: JobName; cron: string; description: string }[] = [
  { name: JOB_NAMES.expireApprovals, cron: "*/5 * * * *", description: "every 5 minutes" },
  { name: JOB_NAMES.escalateApprovals, cron: "*/15 * * * *", description: "every 15 minutes" },
  { name: JOB_NAMES.cleanupLoginAttempts, cron: "17 3 * * *", description: "daily at 03:17 UTC" },
];

/**
 * Creates the queues (a no-op when they exist) and (re)writes their schedules. Safe to call from every
 * worker at every start: schedules are upserted by name. Singleton queues: at most one active job each.
 */
export async function registerSchedules(boss: PgBoss): Promise<void> {
  await createQueues(boss);
  for (const schedule of SCHEDULES) await boss.schedule(schedule.name, schedule.cron, {}, { tz: "UTC" });
}

/**
 * The queues of the scheduled jobs. A new queue is a table (a partition of pg-boss's job table), so the migration
 * step creates them as the owner (installJobSchema); for the worker's role this is a no-op on existing queues.
 */
export async function createQueues(boss: PgBoss): Promise<void> {
  for (const schedule of SCHEDULES) {
    await boss.createQueue(schedule.name, { name: schedule.name, policy: "singleton", retryLimit: 2, expireInSeconds: 15 * 60 });
  }
}
