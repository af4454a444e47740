import "server-only";
import { db } from "@/lib/db/client";

/** LoginAttempt rows are kept this long: far beyond the 15-minute lockout and rate-limit windows. */
export const LOGIN_ATTEMPT_RETENTION_HOURS = 24;

/**
 * Deletes sign-in attempts older than a day (all agencies: they are not tenant data, only the raw input of
 * the rate limits). Called by a scheduled job; idempotent. The audit log is not touched. Returns the count.
 */
export async function cleanupLoginAttempts(options: { now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - LOGIN_ATTEMPT_RETENTION_HOURS * 60 * 60 * 1000);
  const { count } = await db.loginAttempt.deleteMany({ where: { createdAt: { lt: cutoff } } });
  return count;
}
