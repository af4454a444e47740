import type { Role, ScopeType } from "@/lib/generated/prisma/enums";

// The one permission table. Every check asks for a permission, never for a role name; roles only give
// the default set, which an admin can switch flag by flag per agency (PermissionOverride).

export const PERMISSIONS = {
  "account.self": "Manage your own account: two-factor authentication, sessions",
  "portal.agency": "Open the agency portal",
  "portal.finance": "Open the finance portal",
  "portal.client": "Open the client portal",
  "portal.creator": "Open the creator portal",
  "portal.admin": "Open the admin portal",
  "client.read": "See clients and their contacts",
  "client.create": "Create clients",
  "client.update": "Edit clients and their contacts",
  "client.archive": "Archive and restore clients",
  "campaign.read": "See campaigns (own, directed, or within a client or campaign scope)",
  "campaign.read.all": "See every campaign of the agency",
  "campaign.create": "Create campaigns",
  "campaign.update": "Edit campaigns",
  "campaign.transition": "Move campaigns through their statuses",
  "campaign.cancel": "Cancel campaigns",
  "influencer.read": "See influencers",
  "influencer.manage": "Create and edit influencers",
  "approval.request": "Send items for approval",
  "approval.decide": "Decide approvals addressed to you",
  "content.read": "See content tasks, artifacts and their reviews (own campaigns, or content sent to you)",
  "content.manage": "Create, offer and cancel content tasks; record published posts and their figures",
  "content.review": "Review content internally and send it to the client",
  "finance.read": "See financial objects",
  "finance.manage": "Create and edit financial objects",
  "finance.approve": "Approve financial objects",
  "finance.approve.high": "Approve financial objects above the policy threshold",
  "finance.issue": "Issue client invoices, record payments, schedule and send payouts, void",
  "creator.self": "Use the creator portal for your own profile",
  "user.read": "See the agency's users",
  "user.manage": "Invite users and change their roles",
  "permission.manage": "Switch permission flags for roles",
  "audit.read": "Read the audit log",
  "outbox.read": "Read the e-mail outbox",
  "vault.reveal": "Reveal stored creator credentials",
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}

const CM: Permission[] = [
  "account.self",
  "portal.agency",
  "client.read",
  "client.create",
  "client.update",
  "campaign.read",
  "campaign.create",
  "campaign.update",
  "campaign.transition",
  "influencer.read",
  "influencer.manage",
  "approval.request",
  "approval.decide",
  "content.read",
  "content.manage",
  "content.review",
  "finance.read",
  "finance.manage",
];

export const ROLE_DEFAULTS: Record<Role, readonly Permission[]> = {
  CM,
  DIR: [
    ...CM,
    "campaign.read.all",
    "client.archive",
    "campaign.cancel",
    "finance.approve",
    "finance.approve.high",
    "user.read",
  ],
  FIN: [
    "account.self",
    "portal.finance",
    "client.read",
    "campaign.read",
    "campaign.read.all",
    "finance.read",
    "finance.manage",
    "finance.approve",
    "finance.issue",
  ],
  ADM: [
    "account.self",
    "portal.admin",
    "portal.agency",
    "client.read",
    "client.create",
    "client.update",
    "client.archive",
    "campaign.read",
    "campaign.read.all",
    "influencer.read",
    "user.read",
    "user.manage",
    "permission.manage",
    "audit.read",
    "outbox.read",
    "vault.reveal",
  ],
  CLIENT: [
    "account.self",
    "portal.client",
    "client.read",
    "campaign.read",
    "approval.decide",
    "content.read",
    "finance.read",
  ],
  INF: ["account.self", "portal.creator", "creator.self"],
};

/** Flags an override may never take away, so that an agency cannot lock its admins out. */
export const LOCKED_PERMISSIONS: Partial<Record<Role, readonly Permission[]>> = {
  CM: ["account.self"],
  DIR: ["account.self"],
  FIN: ["account.self"],
  ADM: ["account.self", "portal.admin", "permission.manage", "user.manage"],
  CLIENT: ["account.self"],
  INF: ["account.self"],
};

export type Override = { role: Role; permission: string; allowed: boolean };
export type Assignment = { role: Role; scopeType: ScopeType; scopeId: string | null };

/** One role assignment with the permissions it carries after the agency's overrides. */
export type Grant = Assignment & { permissions: ReadonlySet<Permission> };

export function permissionsForRole(role: Role, overrides: readonly Override[]): Set<Permission> {
  const set = new Set<Permission>(ROLE_DEFAULTS[role]);
  for (const override of overrides) {
    if (override.role !== role || !isPermission(override.permission)) continue;
    if (override.allowed) set.add(override.permission);
    else if (!LOCKED_PERMISSIONS[role]?.includes(override.permission)) set.delete(override.permission);
  }
  return set;
}

export function resolveGrants(assignments: readonly Assignment[], overrides: readonly Override[]): Grant[] {
  return assignments.map((assignment) => ({
    ...assignment,
    permissions: permissionsForRole(assignment.role, overrides),
  }));
}

export type PermissionHolder = { grants: readonly Grant[] };

/** True when any of the caller's grants carries the permission. Unknown permissions are refused. */
export function can(holder: PermissionHolder, permission: Permission): boolean {
  if (!isPermission(permission)) return false;
  return holder.grants.some((grant) => grant.permissions.has(permission));
}

/**
 * Where a permission applies: everywhere in the agency, or only to the listed clients/campaigns.
 * `null` means the caller does not hold it at all.
 */
export type PermissionScope = { agencyWide: true } | { agencyWide: false; clientIds: string[]; campaignIds: string[] };

export function scopeOf(holder: PermissionHolder, permission: Permission): PermissionScope | null {
  const grants = holder.grants.filter((grant) => grant.permissions.has(permission));
  if (grants.length === 0) return null;
  if (grants.some((grant) => grant.scopeType === "AGENCY")) return { agencyWide: true };
  return {
    agencyWide: false,
    clientIds: grants.filter((g) => g.scopeType === "CLIENT" && g.scopeId).map((g) => g.scopeId as string),
    campaignIds: grants.filter((g) => g.scopeType === "CAMPAIGN" && g.scopeId).map((g) => g.scopeId as string),
  };
}
