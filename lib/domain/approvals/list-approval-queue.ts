import "server-only";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import { listQueueSchema } from "./schemas";
import { addressedToCaller, approvalScope } from "./scope";

const DECIDED = ["APPROVED", "APPROVED_WITH_CONDITIONS", "CHANGES_REQUESTED", "REJECTED"] as const;

/**
 * The caller's approval queue: items addressed to them (by name or by a role and scope they hold), pending
 * by default and not yet expired, soonest due first; paginated.
 */
export async function listApprovalQueue(ctx: AuthContext, raw: unknown = {}) {
  const input = listQueueSchema.parse(raw);
  const now = new Date();
  const status: Prisma.ApprovalItemWhereInput =
    input.status === "PENDING"
      ? { status: "PENDING", OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }
      : input.status === "DECIDED"
        ? { status: { in: [...DECIDED] } }
        : {};
  const where: Prisma.ApprovalItemWhereInput = { AND: [approvalScope(ctx), addressedToCaller(ctx), status] };
  const [items, total] = await Promise.all([
    db.approvalItem.findMany({
      where,
      orderBy: input.status === "PENDING" ? [{ dueAt: "asc" }, { id: "asc" }] : [{ updatedAt: "desc" }, { id: "desc" }],
      take: input.take,
      skip: (input.page - 1) * input.take,
      select: {
        id: true,
        type: true,
        status: true,
        subjectType: true,
        subjectId: true,
        subjectVersion: true,
        dueAt: true,
        expiresAt: true,
        decidedAt: true,
        createdAt: true,
        campaign: { select: { id: true, name: true, client: { select: { name: true } } } },
        _count: { select: { comments: true } },
      },
    }),
    db.approvalItem.count({ where }),
  ]);
  return { items, total, page: input.page, pageSize: input.take };
}
