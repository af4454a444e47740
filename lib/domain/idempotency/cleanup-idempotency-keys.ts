import "server-only";
import { db } from "@/lib/db/client";

/**
 * Deletes the Idempotency-Key rows past their expiry (24 hours after their first request; all agencies: they
 * are replay state of the API, not business data). Called by a scheduled job; idempotent. Returns the count.
 * An expired row that is still there is already ignored by the API (lib/api/idempotency.ts), so how often
 * this runs only bounds the table's size.
 */
export async function cleanupIdempotencyKeys(options: { now?: Date } = {}): Promise<number> {
  const { count } = await db.idempotencyKey.deleteMany({ where: { expiresAt: { lte: options.now ?? new Date() } } });
  return count;
}
