import "server-only";
import { db } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import type { AuthContext } from "@/lib/auth/context";
import { AppError, notFound } from "@/lib/errors";
import { assertValidParent } from "./create-client";
import { idSchema } from "@/lib/domain/id";
import { updateClientSchema } from "./schemas";
import { clientScope } from "./scope";

/** Edits a client. The caller names the version it read; a newer one refuses the save (optimistic locking). */
export async function updateClient(ctx: AuthContext, id: string, raw: unknown) {
  const where = clientScope(ctx, "client.update");
  if (!idSchema.safeParse(id).success) throw notFound("Client");
  const { version, ...changes } = updateClientSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const before = await tx.client.findFirst({ where: { AND: [where, { id }] } });
    if (!before) throw notFound("Client");
    if (before.version !== version) throw await staleError(ctx, id, before.version);
    if (changes.parentId !== undefined) await assertValidParent(tx, ctx, changes.parentId, id);
    const claimed = await tx.client.updateMany({
      where: { id, agencyId: ctx.agencyId, version },
      data: { ...changes, version: { increment: 1 } },
    });
    if (claimed.count !== 1) throw await staleError(ctx, id, version + 1);
    const after = await tx.client.findUniqueOrThrow({ where: { id } });
    await writeAudit(tx, ctx, {
      action: "client.update",
      model: "Client",
      recordId: id,
      display: after.name,
      before,
      after,
    });
    return after;
  });
}

async function staleError(ctx: AuthContext, id: string, current: number) {
  const last = await db.auditLog.findFirst({
    where: { agencyId: ctx.agencyId, model: "Client", recordId: id },
    orderBy: { createdAt: "desc" },
    select: { actorEmail: true, createdAt: true },
  });
  const who = last?.actorEmail ? ` by ${last.actorEmail}` : "";
  return new AppError(
    "STALE_VERSION",
    `This client was changed${who} since you opened it (now version ${current}). Reload to see the changes, then edit again.`,
    {
      fields: { version: "Out of date" },
    },
  );
}
