import "server-only";
import type PgBoss from "pg-boss";
import { escalateOverdueApprovals } from "@/lib/domain/approvals/escalate-overdue-approvals";
import { expireApprovals } from "@/lib/domain/approvals/expire-approvals";
import { cleanupLoginAttempts } from "@/lib/domain/auth/cleanup-login-attempts";
import { cleanupIdempotencyKeys } from "@/lib/domain/idempotency/cleanup-idempotency-keys";
import { jobTiming } from "./boss";
import { JOB_NAMES, type JobName } from "./schedules";

// One handler per job: each calls one domain function, which does the work in its own transactions and is
// idempotent (conditional updates), so pg-boss may retry or two workers may overlap without harm.

export const HANDLERS: Record<JobName, () => Promise<unknown>> = {
  [JOB_NAMES.expireApprovals]: async () => ({ expired: await expireApprovals() }),
  [JOB_NAMES.escalateApprovals]: () => escalateOverdueApprovals(),
  [JOB_NAMES.cleanupLoginAttempts]: async () => ({ deleted: await cleanupLoginAttempts() }),
  [JOB_NAMES.cleanupIdempotencyKeys]: async () => ({ deleted: await cleanupIdempotencyKeys() }),
};

/** Starts a pg-boss worker per job name; returns the worker ids. */
export async function registerWorkers(boss: PgBoss, log: (line: string) => void = () => {}): Promise<string[]> {
  const ids: string[] = [];
  for (const [name, handler] of Object.entries(HANDLERS)) {
    ids.push(
      await boss.work(name, { batchSize: 1, pollingIntervalSeconds: jobTiming().pollSeconds }, async (jobs) => {
        for (const job of jobs) {
          const started = Date.now();
          const result = await handler();
          log(`${name} (${job.id}) done in ${Date.now() - started} ms: ${JSON.stringify(result)}`);
        }
      }),
    );
  }
  return ids;
}
