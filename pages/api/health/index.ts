// GET /api/health — liveness and database reachability, for load balancers; public, reveals nothing.
import { getPool } from "@/lib/db/client";
import { apiRoute, json } from "@/lib/api/http";
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from "@/lib/errors";

/**
 * The answer always comes within 2 s (a load balancer's check must not hang on a stopped database): the database
 * gets 1.5 s for a free pooled connection and `SELECT 1`, else 503. The statement's own deadline closes its
 * connection if the answer never comes.
 */
const HEALTH_DEADLINE_MS = 1_500;

export async function GET() {
  let timer: NodeJS.Timeout | undefined;
  try {
    const check = getPool().query({ text: "SELECT 1", query_timeout: HEALTH_DEADLINE_MS });
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_DEADLINE_MS} ms`)), HEALTH_DEADLINE_MS);
    });
    check.catch(() => {}); // answered by `late` already when it fails afterwards
    await Promise.race([check, late]);
    return json({ status: "ok" });
  } catch (error) {
    console.error("[health] database unavailable:", error instanceof Error ? error.message : error);
    return json({ status: "unavailable" }, 503, { "Retry-After": String(UNAVAILABLE_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" });
  } finally {
    clearTimeout(timer);
  }
}

export default apiRoute({ GET });
export const config = { api: { bodyParser: false } };
