import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { writeAudit } from "@/lib/audit";
import type { AuthContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { createClientSchema } from "./schemas";
import { clientScope } from "./scope";

/** A parent must be a client of the same agency, and not the client itself or one of its descendants. */
export async function assertValidParent(tx: Tx, ctx: AuthContext, parentId: string | null, selfId?: string) {
  if (!parentId) return;
  const invalid = (message: string) => new AppError("VALIDATION_FAILED", message, { fields: { parentId: message } });
  if (parentId === selfId) throw invalid("A client cannot be its own parent");
  let cursor: string | null = parentId;
  for (let depth = 0; cursor && depth < 20; depth++) {
    const parent: { id: string; parentId: string | null } | null = await tx.client.findFirst({
      where: { AND: [clientScope(ctx, "client.read"), { id: cursor }] },
      select: { id: true, parentId: true },
    });
    if (!parent) throw invalid("Parent client not found");
    if (selfId && parent.parentId === selfId) throw invalid("That would make a loop of parents");
    cursor = parent.parentId;
  }
}

export async function createClient(ctx: AuthContext, raw: unknown) {
  clientScope(ctx, "client.create");
  const input = createClientSchema.parse(raw);
  return db.$transaction(async (tx) => {
    await assertValidParent(tx, ctx, input.parentId);
    const client = await tx.client.create({ data: { ...input, agencyId: ctx.agencyId } });
    await writeAudit(tx, ctx, {
      action: "client.create",
      model: "Client",
      recordId: client.id,
      display: client.name,
      after: client,
    });
    return client;
  });
}
