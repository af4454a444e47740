import type { z } from "zod";
import { db } from "@/lib/db/client";
import type { AuthContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { auditQuerySchema } from "./schemas";

/** The agency's audit log, newest first, cursor-paginated. */
export async function listAuditLog(ctx: AuthContext, raw: z.input<typeof auditQuerySchema>) {
  if (!can(ctx, "audit.read")) throw new AppError("FORBIDDEN", "You do not have permission to read the audit log");
  const input = auditQuerySchema.parse(raw);
  const rows = await db.auditLog.findMany({
    where: {
      agencyId: ctx.agencyId,
      ...(input.model ? { model: input.model } : {}),
      ...(input.action ? { action: { startsWith: input.action } } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.take + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const hasMore = rows.length > input.take;
  const items = rows.slice(0, input.take);
  return { items, nextCursor: hasMore ? items[items.length - 1].id : null };
}
