import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { pageArgs, pageResult } from "@/lib/domain/pagination";
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
    ...pageArgs({ take: input.take, cursor: input.cursor }),
  });
  const { items, nextCursor } = pageResult(rows, 0, { take: input.take, cursor: input.cursor });
  return { items, nextCursor };
}
