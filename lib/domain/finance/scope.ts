import "server-only";
import type { AuthContext } from "@/lib/auth/context";
import { scopeOf, type Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { campaignScope } from "@/lib/domain/campaigns/scope";

/** Agency staff with the permission agency-wide (CM, DIR, FIN); client users hold finance.read scoped to their client. */
export function isFinanceStaff(ctx: AuthContext, permission: Permission = "finance.read"): boolean {
  return scopeOf(ctx, permission)?.agencyWide === true;
}

/** What a client user sees of their client's finance: invoices once issued, quotes and budgets once sent to them. */
export const CLIENT_VISIBLE: Prisma.FinancialObjectWhereInput = {
  OR: [
    { type: "CLIENT_INVOICE", number: { not: null } },
    { type: { in: ["QUOTE", "BUDGET"] }, sentToClientAt: { not: null } },
  ],
};

/**
 * The financial objects the caller may touch with `permission`, always inside the tenant: those of the
 * campaigns the caller sees with it (FIN and DIR: every campaign; CM: own and directed; client users: their
 * client's), and for client users only what was sent to them. Anything else does not exist for the caller (404).
 */
export function financeScope(
  ctx: AuthContext,
  permission: Permission = "finance.read",
): Prisma.FinancialObjectWhereInput {
  if (!scopeOf(ctx, permission)) throw new AppError("FORBIDDEN", "You do not have permission to do this");
  const campaigns = campaignScope(ctx, permission);
  if (isFinanceStaff(ctx, permission)) return { agencyId: ctx.agencyId, campaign: { is: campaigns } };
  return { agencyId: ctx.agencyId, AND: [{ campaign: { is: campaigns } }, CLIENT_VISIBLE] };
}

/** Staff-only reads (summaries, revisions, payouts owed, exports): a client user is refused outright. */
export function requireFinanceStaff(ctx: AuthContext, permission: Permission = "finance.read") {
  if (!isFinanceStaff(ctx, permission)) throw new AppError("FORBIDDEN", "You do not have permission to do this");
}
