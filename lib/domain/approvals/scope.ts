import "server-only";
import type { AuthContext } from "@/lib/auth/context";
import { scopeOf } from "@/lib/auth/permissions";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role, ScopeType } from "@/lib/generated/prisma/enums";
import { campaignScope } from "@/lib/domain/campaigns/scope";

// The approvals rules. "Addressed to the caller" is one rule used by approvals, content (what a client user was
// sent) and the finance queue, in three forms side by side: the Prisma `where`, one SQL condition, and the same
// condition as disjoint SQL branches (the finance queue walks its index once per branch).
// tests/integration/scope-pairs.test.ts holds every form to the same rows for every demo role.

type Address = { role: Role; scopeType: ScopeType; scopeId: string | null };

/**
 * The roles and scopes the caller answers for: those of their grants with `approval.decide`, or with
 * `finance.approve` (finance approvers decide only finance steps, addressed to their role). AGENCY-wide items
 * carry no scope id.
 */
function approverAddresses(ctx: AuthContext): Address[] {
  return ctx.grants
    .filter((grant) => grant.permissions.has("approval.decide") || grant.permissions.has("finance.approve"))
    .map((grant) => ({
      role: grant.role,
      scopeType: grant.scopeType,
      scopeId: grant.scopeType === "AGENCY" ? null : grant.scopeId,
    }));
}

/**
 * The approvals addressed to the caller: to them by name, or to a role and scope they hold with
 * `approval.decide` (a client user holds CLIENT scoped to their client). AGENCY-wide items carry no scope id.
 */
export function addressedToCaller(ctx: AuthContext): Prisma.ApprovalItemWhereInput {
  const or: Prisma.ApprovalItemWhereInput[] = [{ approverUserId: ctx.userId }];
  for (const address of approverAddresses(ctx)) {
    or.push({
      approverUserId: null,
      approverRole: address.role,
      approverScopeType: address.scopeType,
      approverScopeId: address.scopeId,
    });
  }
  return { agencyId: ctx.agencyId, OR: or };
}

/**
 * addressedToCaller as one condition on the approval alias `a` (the hot content reads). The addresses are three
 * array parameters, so the text never depends on how many grants the caller holds.
 */
export function addressedToCallerSql(ctx: AuthContext, a: Prisma.Sql): Prisma.Sql {
  const addresses = approverAddresses(ctx);
  const roles = addresses.map((g) => g.role);
  const scopeTypes = addresses.map((g) => g.scopeType);
  const scopeIds = addresses.map((g) => g.scopeId);
  return Prisma.sql`(${a}."agencyId" = ${ctx.agencyId}::uuid AND (${a}."approverUserId" = ${ctx.userId}::uuid OR (${a}."approverUserId" IS NULL AND EXISTS (
    SELECT 1 FROM unnest(${roles}::text[], ${scopeTypes}::text[], ${scopeIds}::uuid[]) AS g(role, "scopeType", "scopeId")
    WHERE ${a}."approverRole"::text = g.role AND ${a}."approverScopeType"::text = g."scopeType" AND ${a}."approverScopeId" IS NOT DISTINCT FROM g."scopeId"))))`;
}

/**
 * addressedToCaller as SQL branches on the approval alias (default `a`), one per way of being addressed: the
 * caller by id, then each distinct role and scope. Their OR, with `"agencyId" = <the caller's agency>` (which the
 * caller adds), is the rule. The branches never overlap (the caller by id; per distinct role and scope, items
 * addressed to nobody by id), so counts per branch add up, and each walks an index of its own (the finance queue).
 */
export function addressedToCallerBranches(ctx: AuthContext, alias = "a"): Prisma.Sql[] {
  const a = Prisma.raw(`"${alias}"`);
  const or: Prisma.Sql[] = [Prisma.sql`${a}."approverUserId" = ${ctx.userId}::uuid`];
  const seen = new Set<string>();
  for (const address of approverAddresses(ctx)) {
    const key = `${address.role}|${address.scopeType}|${address.scopeId ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const scope = !address.scopeId
      ? Prisma.sql`${a}."approverScopeId" IS NULL`
      : Prisma.sql`${a}."approverScopeId" = ${address.scopeId}::uuid`;
    or.push(
      Prisma.sql`(${a}."approverUserId" IS NULL AND ${a}."approverRole" = ${address.role}::"Role" AND ${a}."approverScopeType" = ${address.scopeType}::"ScopeType" AND ${scope})`,
    );
  }
  return or;
}

/** Agency staff read every approval of the campaigns they see; others (client users) only what is addressed to them. */
export function isAgencyStaff(ctx: AuthContext): boolean {
  return scopeOf(ctx, "campaign.read")?.agencyWide === true;
}

/**
 * The approvals the caller may read, always inside the tenant: staff see those of their campaigns and those
 * addressed to them; a client user only those addressed to them on their own client's campaigns.
 * An approval outside it does not exist for the caller (404).
 */
export function approvalScope(ctx: AuthContext): Prisma.ApprovalItemWhereInput {
  const campaigns = campaignScope(ctx, "campaign.read");
  if (isAgencyStaff(ctx))
    return { agencyId: ctx.agencyId, OR: [{ campaign: { is: campaigns } }, addressedToCaller(ctx)] };
  return { agencyId: ctx.agencyId, AND: [{ campaign: { is: campaigns } }, addressedToCaller(ctx)] };
}
