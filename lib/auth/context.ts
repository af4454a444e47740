import { db } from "@/lib/db/client";
import { resolveGrants, type Grant, type Permission, can } from "@/lib/auth/permissions";

/** Who is calling: passed to every domain function, which scopes its queries with it. */
export type AuthContext = {
  agencyId: string;
  userId: string;
  email: string;
  name: string;
  sessionId: string | null;
  ip: string | null;
  grants: Grant[];
  mfaEnabled: boolean;
};

/** Loads a user's context: role assignments with the agency's overrides applied. Null for unknown or disabled users. */
export async function loadUserContext(
  userId: string,
  extra: { sessionId?: string | null; ip?: string | null } = {},
): Promise<AuthContext | null> {
  const user = await db.user.findFirst({
    where: { id: userId, status: "ACTIVE" },
    select: {
      id: true,
      agencyId: true,
      email: true,
      name: true,
      mfaEnabledAt: true,
      roleAssignments: { select: { role: true, scopeType: true, scopeId: true } },
      agency: { select: { permissionOverrides: { select: { role: true, permission: true, allowed: true } } } },
    },
  });
  if (!user) return null;
  return {
    agencyId: user.agencyId,
    userId: user.id,
    email: user.email,
    name: user.name,
    sessionId: extra.sessionId ?? null,
    ip: extra.ip ?? null,
    grants: resolveGrants(user.roleAssignments, user.agency.permissionOverrides),
    mfaEnabled: user.mfaEnabledAt !== null,
  };
}

const LAST_SEEN_EVERY_MS = 5 * 60 * 1000;

/** Loads the context behind a session id, if the session is live (not revoked, not expired). */
export async function loadSessionContext(sessionId: string, ip: string | null): Promise<AuthContext | null> {
  const session = await db.session.findFirst({
    where: { id: sessionId, revokedAt: null, expiresAt: { gt: new Date() } },
    select: { userId: true, lastSeenAt: true },
  });
  if (!session) return null;
  // "Last seen" for the sessions list on /account, written at most every five minutes per session.
  if (Date.now() - session.lastSeenAt.getTime() > LAST_SEEN_EVERY_MS) {
    await db.session.updateMany({ where: { id: sessionId, lastSeenAt: session.lastSeenAt }, data: { lastSeenAt: new Date() } });
  }
  return loadUserContext(session.userId, { sessionId, ip });
}

// Holding any of these makes TOTP MFA mandatory (ADM, DIR and FIN by default).
export const MFA_REQUIRING_PERMISSIONS: readonly Permission[] = [
  "user.manage",
  "permission.manage",
  "finance.approve",
  "finance.approve.high",
  "vault.reveal",
];

export function requiresMfa(holder: { grants: readonly Grant[] }): boolean {
  return MFA_REQUIRING_PERMISSIONS.some((permission) => can(holder, permission));
}

