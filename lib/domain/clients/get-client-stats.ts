import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { clientScope } from "./scope";

/** Counts of the caller's visible clients by status, and the most recently changed ones. */
export async function getClientStats(ctx: AuthContext) {
  const where = { AND: [clientScope(ctx, "client.read"), { archivedAt: null }] };
  const [byStatus, recent, archived] = await Promise.all([
    db.client.groupBy({ by: ["status"], where, _count: { _all: true } }),
    db.client.findMany({
      where,
      orderBy: { updatedAt: "desc" },
      take: 5,
      select: { id: true, name: true, status: true, updatedAt: true },
    }),
    db.client.count({ where: { AND: [clientScope(ctx, "client.read"), { archivedAt: { not: null } }] } }),
  ]);
  const count = (status: string) => byStatus.find((row) => row.status === status)?._count._all ?? 0;
  return {
    active: count("ACTIVE"),
    prospect: count("PROSPECT"),
    inactive: count("INACTIVE"),
    archived,
    recent,
  };
}
