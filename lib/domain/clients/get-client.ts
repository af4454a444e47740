import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { notFound } from "@/lib/errors";
import { clientScope, isAgencyWide } from "./scope";
import { idSchema } from "@/lib/domain/id";

/** One client with its contacts, or NOT_FOUND when it does not exist for the caller. */
export async function getClient(ctx: AuthContext, id: string) {
  const parsed = idSchema.safeParse(id);
  if (!parsed.success) throw notFound("Client");
  const client = await db.client.findFirst({
    where: { AND: [clientScope(ctx, "client.read"), { id: parsed.data }] },
    include: {
      contacts: { orderBy: { name: "asc" } },
      parent: { select: { id: true, name: true } },
      children: { where: { archivedAt: null }, select: { id: true, name: true }, orderBy: { name: "asc" } },
    },
  });
  if (!client) throw notFound("Client");
  // Parent and sister brands are other clients: only staff who see every client see them.
  if (!isAgencyWide(ctx, "client.read")) return { ...client, parent: null, children: [] };
  return client;
}
