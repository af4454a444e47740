import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { closedMessage } from "./decide-approval";
import { idSchema } from "@/lib/domain/id";
import { addressedToCaller, approvalScope, isAgencyStaff } from "./scope";

export type ThreadComment = {
  id: string;
  body: string;
  anchor: Prisma.JsonValue;
  internal: boolean;
  createdAt: Date;
  author: { id: string; name: string; isClient: boolean };
};

/** The comment threads of some approvals; client users never receive internal comments (filtered in the query). */
export async function loadThreads(ctx: AuthContext, approvalIds: string[]): Promise<Map<string, ThreadComment[]>> {
  const comments = await db.approvalComment.findMany({
    where: {
      agencyId: ctx.agencyId,
      approvalId: { in: approvalIds },
      ...(isAgencyStaff(ctx) ? {} : { internal: false }),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const authors = await db.user.findMany({
    where: { agencyId: ctx.agencyId, id: { in: [...new Set(comments.map((c) => c.authorId))] } },
    select: { id: true, name: true, roleAssignments: { select: { role: true } } },
  });
  const byId = new Map(
    authors.map((a) => [
      a.id,
      { id: a.id, name: a.name, isClient: a.roleAssignments.some((r) => r.role === "CLIENT") },
    ]),
  );
  const threads = new Map<string, ThreadComment[]>(approvalIds.map((id) => [id, []]));
  for (const c of comments) {
    threads.get(c.approvalId)?.push({
      id: c.id,
      body: c.body,
      anchor: c.anchor,
      internal: c.internal,
      createdAt: c.createdAt,
      author: byId.get(c.authorId) ?? { id: c.authorId, name: "Former user", isClient: false },
    });
  }
  return threads;
}

export const approvalInclude = {
  campaign: { select: { id: true, name: true, status: true, clientId: true, client: { select: { name: true } } } },
  decisions: { select: { lineId: true, decision: true, note: true } },
} satisfies Prisma.ApprovalItemInclude;

/** One approval the caller may see, with its thread, line decisions and whether the caller may decide it now. */
export async function getApproval(ctx: AuthContext, approvalId: string) {
  if (!idSchema.safeParse(approvalId).success) throw notFound("Approval");
  const item = await db.approvalItem.findFirst({
    where: { AND: [approvalScope(ctx), { id: approvalId }] },
    include: approvalInclude,
  });
  if (!item) throw notFound("Approval");
  const [addressed, threads, people] = await Promise.all([
    db.approvalItem.count({ where: { AND: [addressedToCaller(ctx), { id: approvalId }] } }),
    loadThreads(ctx, [approvalId]),
    db.user.findMany({
      where: {
        agencyId: ctx.agencyId,
        id: { in: [item.requestedById, item.decidedById].filter((v): v is string => Boolean(v)) },
      },
      select: { id: true, name: true },
    }),
  ]);
  const name = (id: string | null) => people.find((p) => p.id === id)?.name ?? null;
  const closed = closedMessage(item);
  return {
    ...item,
    requestedByName: name(item.requestedById),
    decidedByName: name(item.decidedById),
    comments: threads.get(approvalId) ?? [],
    canDecide: addressed > 0 && closed === null,
    closedReason: closed,
    expired: item.status === "EXPIRED" || (item.status === "PENDING" && closed !== null),
  };
}
export type ApprovalDetail = Awaited<ReturnType<typeof getApproval>>;
