import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { AppError, notFound } from "@/lib/errors";
import { idSchema } from "@/lib/domain/id";
import { clientScope, isAgencyWide } from "./scope";

/** The client's activity, read from the audit log (its own entries and its contacts'). Staff only. */
export async function getClientTimeline(ctx: AuthContext, clientId: string, options: { take?: number } = {}) {
  if (!isAgencyWide(ctx, "client.read")) throw new AppError("FORBIDDEN", "The activity timeline is for agency staff");
  if (!idSchema.safeParse(clientId).success) throw notFound("Client");
  const client = await db.client.findFirst({
    where: { AND: [clientScope(ctx, "client.read"), { id: clientId }] },
    select: { id: true },
  });
  if (!client) throw notFound("Client");
  return db.auditLog.findMany({
    where: {
      agencyId: ctx.agencyId,
      OR: [
        { model: "Client", recordId: clientId },
        { parentModel: "Client", parentId: clientId },
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(options.take ?? 50, 200),
    select: { id: true, action: true, model: true, display: true, actorEmail: true, diff: true, createdAt: true },
  });
}
