import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
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
      input.archived === "active" ? { archivedAt: null } : input.archived === "archived" ? { archivedAt: { not: null } } : {},
    ],
  };
  // A cursor must be a row the caller can see; anything else is bad input, not a position to page from.
  if (input.cursor && !(await db.client.findFirst({ where: { AND: [where, { id: input.cursor }] }, select: { id: true } }))) {
    throw new AppError("VALIDATION_FAILED", "cursor is not valid for this list", { fields: { cursor: "Not valid for this list" } });
  }
  const orderBy: Prisma.ClientOrderByWithRelationInput[] = [{ [input.sort]: input.dir }, { id: input.dir }];
  const [rows, total] = await Promise.all([
    db.client.findMany({
      where,
      orderBy,
      select: clientListSelect,
      take: input.take + 1,
      ...(input.cursor
        ? { cursor: { id: input.cursor }, skip: 1 }
        : input.page
          ? { skip: (input.page - 1) * input.take }
          : {}),
    }),
    db.client.count({ where }),
  ]);
  const hasMore = rows.length > input.take;
  const items = rows.slice(0, input.take);
  return {
    items,
    total,
    page: input.cursor ? null : (input.page ?? 1),
    pageSize: input.take,
    nextCursor: hasMore ? items[items.length - 1].id : null,
  };
}
