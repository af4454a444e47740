// GET /api/health — liveness and database reachability, for load balancers; public, reveals nothing.
import { db } from "@/lib/db/client";

export async function GET() {
  try {
    await db.$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" });
  } catch (error) {
    console.error("[health] database unreachable", error);
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}
