import "server-only";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import type { AuthContext } from "@/lib/auth/context";
import { AppError, notFound } from "@/lib/errors";
import { idSchema } from "@/lib/domain/id";
import { clientScope } from "./scope";

/** Archives a client (kept with its history, gone from the default lists), or restores it. */
export async function setClientArchived(ctx: AuthContext, id: string, archived: boolean) {
  const where = clientScope(ctx, "client.archive");
  if (!idSchema.safeParse(id).success) throw notFound("Client");
  return db.$transaction(async (tx) => {
    const before = await tx.client.findFirst({ where: { AND: [where, { id }] } });
    if (!before) throw notFound("Client");
    if (Boolean(before.archivedAt) === archived) {
      throw new AppError("CONFLICT", archived ? "This client is already archived" : "This client is not archived");
    }
    const after = await tx.client.update({
      where: { id },
      data: { archivedAt: archived ? new Date() : null, version: { increment: 1 } },
    });
    await writeAudit(tx, ctx, {
      action: archived ? "client.archive" : "client.restore",
      model: "Client",
      recordId: id,
      display: after.name,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    });
    return after;
  });
}
