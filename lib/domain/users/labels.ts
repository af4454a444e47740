import type { Role, ScopeType } from "@/lib/generated/prisma/enums";

export const ROLE_NAMES: Record<Role, string> = {
  CM: "Campaign manager",
  DIR: "Director",
  FIN: "Finance",
  ADM: "Admin",
  CLIENT: "Client",
  INF: "Influencer",
};

/** "Client · Blue Harbor" or "Admin · whole agency", for a role assignment shown to people. */
export function describeAssignment(
  assignment: { role: Role; scopeType: ScopeType; scopeId: string | null },
  names: ReadonlyMap<string, string> = new Map(),
) {
  const role = ROLE_NAMES[assignment.role];
  if (assignment.scopeType === "AGENCY" || !assignment.scopeId) return { role, scope: "Whole agency" };
  const name = names.get(assignment.scopeId);
  if (assignment.scopeType === "CLIENT")
    return { role, scope: name ? `Client: ${name}` : "An archived or unknown client" };
  return { role, scope: name ? `Campaign: ${name}` : "A campaign" };
}
