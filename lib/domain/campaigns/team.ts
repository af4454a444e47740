import "server-only";
import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

// Who may own or direct a campaign: active users of the same agency with an agency-wide CM or DIR role
// (owners) or DIR role (directors). This picks people for a job, it grants nothing: access is still decided
// by permissions and campaignScope.

export const OWNER_ROLES: Role[] = ["CM", "DIR"];
export const DIRECTOR_ROLES: Role[] = ["DIR"];

export function teamMemberWhere(agencyId: string, roles: Role[]) {
  return {
    agencyId,
    status: "ACTIVE" as const,
    roleAssignments: { some: { agencyId, role: { in: roles }, scopeType: "AGENCY" as const } },
  };
}

export async function assertTeamMember(
  tx: Tx,
  agencyId: string,
  userId: string,
  options: { roles: Role[]; field: string; label: string },
) {
  const user = await tx.user.findFirst({
    where: { id: userId, ...teamMemberWhere(agencyId, options.roles) },
    select: { id: true },
  });
  if (!user) {
    const message = `${options.label} must be a ${options.roles.includes("CM") ? "campaign manager or director" : "director"} of the agency`;
    throw new AppError("VALIDATION_FAILED", message, { fields: { [options.field]: message } });
  }
}

/** The people the forms offer as owner and director. */
export async function listCampaignTeam(tx: Pick<Tx, "user">, agencyId: string) {
  const select = { id: true, name: true, email: true } as const;
  const [owners, directors] = await Promise.all([
    tx.user.findMany({ where: teamMemberWhere(agencyId, OWNER_ROLES), select, orderBy: { name: "asc" }, take: 200 }),
    tx.user.findMany({ where: teamMemberWhere(agencyId, DIRECTOR_ROLES), select, orderBy: { name: "asc" }, take: 200 }),
  ]);
  return { owners, directors };
}
