import "server-only";
import { db } from "@/lib/db/client";
import { invalidCursor, pageArgs, pageResult } from "@/lib/domain/pagination";
import type { AuthContext } from "@/lib/auth/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { listClientsSchema } from "./schemas";
import { clientScope } from "./scope";

export const clientListSelect = {
  id: true,
  name: true,
  legalName: true,
  industry: true,
  status: true,
  defaultCurrency: true,
  country: true,
  tags: true,
  archivedAt: true,
  createdAt: true,
  updatedAt: true,
  version: true,
  _count: { select: { contacts: true } },
} satisfies Prisma.ClientSelect;

/** Clients the caller may see: search, filter, sort; page numbers for the UI, a cursor for the API. */
export async function listClients(ctx: AuthContext, raw: unknown) {
  const input = listClientsSchema.parse(raw);
  const where: Prisma.ClientWhereInput = {
    AND: [
      clientScope(ctx, "client.read"),
      input.q
        ? {
            OR: [
              { name: { contains: input.q, mode: "insensitive" } },
              { legalName: { contains: input.q, mode: "insensitive" } },
              { tags: { has: input.q.toLowerCase() } },
            ],
          }
        : {},
      input.status ? { status: input.status } : {},
      input.archived === "active"
        ? { archivedAt: null }
        : input.archived === "archived"
          ? { archivedAt: { not: null } }
          : {},
    ],
  };
  // A cursor must be a row the caller can see; anything else is bad input, not a position to page from.
  if (
    input.cursor &&
    !(await db.client.findFirst({ where: { AND: [where, { id: input.cursor }] }, select: { id: true } }))
  ) {
    throw invalidCursor();
  }
  const orderBy: Prisma.ClientOrderByWithRelationInput[] = [{ [input.sort]: input.dir }, { id: input.dir }];
  const [rows, total] = await Promise.all([
    db.client.findMany({
      where,
      orderBy,
      select: clientListSelect,
      ...pageArgs(input),
    }),
    db.client.count({ where }),
  ]);
  return pageResult(rows, total, input);
}
