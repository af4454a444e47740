// GET /api/health — liveness and database reachability, for load balancers; public, reveals nothing.
import { db } from "@/lib/db/client";
import { apiRoute, json } from "@/lib/api/http";

export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return json({ status: "ok" });
  } catch (error) {
    console.error("[health] database unreachable", error);
    return json({ status: "unavailable" }, 503);
  }
}

export default apiRoute({ GET });
export const config = { api: { bodyParser: false } };
