// GET /api/health — liveness and database reachability, for load balancers; public, reveals nothing.
import { pingDatabase } from "@/lib/db/client";
import { apiRoute, json } from "@/lib/api/http";
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from "@/lib/errors";

/**
 * The answer comes within 2 s whatever the database does (a load balancer's check must not hang on a stopped
 * server): 1.5 s for a pooled connection and `SELECT 1`, else 503.
 */
const HEALTH_DEADLINE_MS = 1_500;

export async function GET() {
  try {
    await pingDatabase(HEALTH_DEADLINE_MS);
    return json({ status: "ok" });
  } catch (error) {
    console.error("[health] database unavailable:", error instanceof Error ? error.message : error);
    return json({ status: "unavailable" }, 503, {
      "Retry-After": String(UNAVAILABLE_RETRY_AFTER_SECONDS),
      "Cache-Control": "no-store",
    });
  }
}

export default apiRoute({ GET });
export const config = { api: { bodyParser: false } };
